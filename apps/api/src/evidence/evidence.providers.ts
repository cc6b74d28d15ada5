import { BLOB_STORE, createBlobStore, EvidenceCatalogue, type BlobStore } from '@actionledger/evidence';
import { EVENT_STORE, type EventStore } from '@actionledger/event-store';
import { Inject, Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

export const evidenceProviders: Provider[] = [
  {
    provide: BLOB_STORE,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => createBlobStore(config.evidence.store),
  },
  {
    provide: EvidenceCatalogue,
    inject: [EVENT_STORE],
    useFactory: (store: EventStore) => new EvidenceCatalogue(store),
  },
];

@Injectable()
export class BlobStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(BLOB_STORE) private readonly blobs: BlobStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.blobs.close();
  }
}
