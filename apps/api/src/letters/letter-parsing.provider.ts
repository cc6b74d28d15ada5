import { LetterParsingPool } from '@actionledger/letters';
import { Inject, Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** The worker threads that read uploaded letters, so that a large PDF never blocks the API. */
export const letterParsingPoolProvider: Provider = {
  provide: LetterParsingPool,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => new LetterParsingPool({ threads: config.letterParseThreads }),
};

@Injectable()
export class LetterParsingPoolCloser implements OnApplicationShutdown {
  constructor(@Inject(LetterParsingPool) private readonly pool: LetterParsingPool) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pool.close();
  }
}
