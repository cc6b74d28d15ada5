import type { EventStore } from '@actionledger/event-store';
import type { ProjectionRunner } from '@actionledger/projections';
import type { Redis } from 'ioredis';

export interface Readiness {
  status: 'ready' | 'not_ready';
  /** What is not ready, in words, e.g. `projection plans is 1500 events behind (at most 1000)`. */
  notReady: string[];
  checks: {
    eventStore: 'up' | 'down';
    redis: 'up' | 'down';
    projectionLag: Record<string, number>;
    shuttingDown: boolean;
  };
}

export interface ReadinessParts {
  store: Pick<EventStore, 'health'>;
  redis: Pick<Redis, 'ping'>;
  runner: Pick<ProjectionRunner, 'status'>;
  maxLag: number;
  shuttingDown: boolean;
}

const within = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} did not answer`)), ms).unref(),
    ),
  ]);

/**
 * Whether this process should be sent work: the event store and Redis answer, every projection and process
 * manager is at most `maxLag` events behind the log (whichever process projects), and it is not shutting down.
 */
export async function checkReadiness(parts: ReadinessParts, timeoutMs = 2_000): Promise<Readiness> {
  const notReady: string[] = [];
  const store = await within(parts.store.health(), timeoutMs, 'the event store').catch((error: Error) => ({
    status: 'down' as const,
    detail: error.message,
  }));
  if (store.status !== 'up')
    notReady.push(`the event store is down${'detail' in store ? `: ${store.detail}` : ''}`);
  const redis = await within(parts.redis.ping(), timeoutMs, 'Redis')
    .then(() => 'up' as const)
    .catch(() => 'down' as const);
  if (redis === 'down') notReady.push('Redis does not answer');
  const projectionLag: Record<string, number> = {};
  if (redis === 'up' && store.status === 'up') {
    try {
      const status = await within(parts.runner.status(), timeoutMs, 'the projections');
      for (const { name, lag } of status.consumers) {
        projectionLag[name] = lag;
        if (lag > parts.maxLag)
          notReady.push(`projection ${name} is ${lag} events behind (at most ${parts.maxLag})`);
      }
    } catch (error) {
      notReady.push(`the projections' state cannot be read: ${(error as Error).message}`);
    }
  }
  if (parts.shuttingDown) notReady.push('the process is shutting down');
  return {
    status: notReady.length === 0 ? 'ready' : 'not_ready',
    notReady,
    checks: { eventStore: store.status, redis, projectionLag, shuttingDown: parts.shuttingDown },
  };
}
