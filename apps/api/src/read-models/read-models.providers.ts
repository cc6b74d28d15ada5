import { EVENT_STORE, type EventStore } from '@actionledger/event-store';
import {
  connectRedis,
  createReadModelRunner,
  FindingResolver,
  ProjectionKeys,
  ProjectionRunner,
  type ReadModelContext,
} from '@actionledger/projections';
import { CLOCK, type Clock } from '@actionledger/command-handling';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

export const REDIS = Symbol('Redis');
export const READ_MODELS = Symbol('ReadModelContext');

export const readModelProviders: Provider[] = [
  { provide: REDIS, inject: [APP_CONFIG], useFactory: (config: AppConfig) => connectRedis(config.redisUrl) },
  {
    provide: ProjectionKeys,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => new ProjectionKeys(config.readModelKeyPrefix),
  },
  FindingResolver,
  {
    provide: ProjectionRunner,
    inject: [EVENT_STORE, REDIS, ProjectionKeys, FindingResolver],
    useFactory: (store: EventStore, redis: Redis, keys: ProjectionKeys, resolver: FindingResolver) =>
      createReadModelRunner({
        store,
        redis,
        keys,
        resolver,
        log: (message) => Logger.warn(message, 'Projections'),
      }),
  },
  {
    provide: READ_MODELS,
    inject: [REDIS, ProjectionKeys, CLOCK],
    useFactory: (redis: Redis, keys: ProjectionKeys, clock: Clock): ReadModelContext => ({
      redis,
      keys,
      clock: () => clock.now(),
    }),
  },
];

/**
 * Projects the log into Redis inside this process (the embedded default), unless PROJECTIONS=off leaves that to
 * a worker. When several processes run one, the lease in Redis decides which projects.
 */
@Injectable()
export class ProjectionRunnerLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.projections === 'on') await this.runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.close();
    this.redis.disconnect();
  }
}
