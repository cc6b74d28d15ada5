import { EVENT_STORE, type EventStore } from '@actionledger/event-store';
import {
  FollowUpsProjection,
  PlansProjection,
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
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

export const REDIS = Symbol('Redis');
export const READ_MODELS = Symbol('ReadModelContext');

/** Connects at start-up: a Redis that does not answer stops the start with one sentence that says what to do. */
async function connectRedis(url: string): Promise<Redis> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3, connectTimeout: 2000 });
  redis.on('error', () => undefined); // reported where it matters: at start-up, and by /health
  try {
    await redis.connect();
    await redis.ping();
  } catch {
    redis.disconnect();
    throw new Error(
      `Redis is not answering at ${url}: start it (redis-server --daemonize yes) or set REDIS_URL to one that runs.`,
    );
  }
  return redis;
}

export const readModelProviders: Provider[] = [
  { provide: REDIS, inject: [APP_CONFIG], useFactory: (config: AppConfig) => connectRedis(config.redisUrl) },
  {
    provide: ProjectionKeys,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => new ProjectionKeys(config.readModelKeyPrefix),
  },
  {
    provide: ProjectionRunner,
    inject: [EVENT_STORE, REDIS, ProjectionKeys],
    useFactory: (store: EventStore, redis: Redis, keys: ProjectionKeys) =>
      new ProjectionRunner({
        store,
        redis,
        keys,
        projections: [new PlansProjection(keys), new FollowUpsProjection(keys)],
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
