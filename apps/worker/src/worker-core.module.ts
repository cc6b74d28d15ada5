import {
  AggregateLoader,
  CLOCK,
  CommandExecutor,
  systemClock,
  type Clock,
} from '@actionledger/command-handling';
import { createEventStore, EVENT_STORE, type EventStore } from '@actionledger/event-store';
import { connectRedis, ProjectionKeys } from '@actionledger/projections';
import {
  Global,
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Redis } from 'ioredis';
import { WORKER_CONFIG, type WorkerConfig } from './worker-config';

export const WORKER_REDIS = Symbol('WorkerRedis');

/** Closes what the core opened, once every processor has stopped (Nest shuts the importing modules down first). */
@Injectable()
class WorkerCoreCloser implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(WORKER_REDIS) private readonly redis: Redis,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
    await this.store.close();
  }
}

const shared = [
  WORKER_CONFIG,
  EVENT_STORE,
  CLOCK,
  AggregateLoader,
  CommandExecutor,
  WORKER_REDIS,
  ProjectionKeys,
];

/**
 * What every processor of the worker builds on: the configuration, the event store, the one write path, Redis
 * and the read-model keys. Global, so that a processor module (the projections, later the reminders) needs
 * nothing but to be listed in workerProcessors().
 */
@Global()
@Module({})
export class WorkerCoreModule {
  static forRoot(config: WorkerConfig, clock: Clock = systemClock): DynamicModule {
    return {
      module: WorkerCoreModule,
      providers: [
        { provide: WORKER_CONFIG, useValue: config },
        { provide: CLOCK, useValue: clock },
        { provide: EVENT_STORE, useFactory: () => createEventStore(config.eventStore) },
        { provide: WORKER_REDIS, useFactory: () => connectRedis(config.redisUrl) },
        { provide: ProjectionKeys, useValue: new ProjectionKeys(config.readModelKeyPrefix) },
        AggregateLoader,
        CommandExecutor,
        WorkerCoreCloser,
      ],
      exports: shared,
    };
  }
}
