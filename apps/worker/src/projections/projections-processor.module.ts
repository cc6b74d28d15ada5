import { EVENT_STORE, type EventStore } from '@actionledger/event-store';
import {
  createReadModelRunner,
  FindingResolver,
  ProjectionKeys,
  ProjectionRunner,
} from '@actionledger/projections';
import {
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Redis } from 'ioredis';
import { WORKER_REDIS } from '../worker-core.module';

/** Competes for the lease from the start; on shutdown it stops and gives the lease up for the next worker. */
@Injectable()
class ProjectionRunnerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(private readonly runner: ProjectionRunner) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.close();
  }
}

/**
 * The read models and the finding-resolution process manager, fed from the log by the checkpointed runner.
 * The same runner as the API's embedded one: whichever process holds the lease projects.
 */
@Module({
  providers: [
    FindingResolver,
    {
      provide: ProjectionRunner,
      inject: [EVENT_STORE, WORKER_REDIS, ProjectionKeys, FindingResolver],
      useFactory: (store: EventStore, redis: Redis, keys: ProjectionKeys, resolver: FindingResolver) =>
        createReadModelRunner({
          store,
          redis,
          keys,
          resolver,
          log: (message) => Logger.warn(message, 'Projections'),
          info: (message) => Logger.log(message, 'Projections'),
        }),
    },
    ProjectionRunnerHost,
  ],
  exports: [ProjectionRunner],
})
export class ProjectionsProcessorModule {}
