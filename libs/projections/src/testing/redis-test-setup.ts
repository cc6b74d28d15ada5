import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@actionledger/event-store';
import { Redis } from 'ioredis';
import { ProjectionKeys } from '../redis/projection-keys';
import type { PlanScript } from './plan-script';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A Redis connection and a key prefix of its own for one test, and a temp SQLite store; `cleanUp` removes both. */
export function projectionTestBed() {
  const redis = new Redis(REDIS_URL, { lazyConnect: false, maxRetriesPerRequest: 2 });
  const keys = new ProjectionKeys(`test-${randomUUID()}`);
  const dir = mkdtempSync(join(tmpdir(), 'actionledger-projections-'));
  const stores: SqliteEventStore[] = [];
  return {
    redis,
    keys,
    /** A new log each time. */
    openStore(): SqliteEventStore {
      const store = new SqliteEventStore(join(dir, `${randomUUID()}.db`), {
        synchronous: 'NORMAL',
        pollIntervalMs: 20,
      });
      stores.push(store);
      return store;
    },
    async append(store: SqliteEventStore, script: PlanScript, from = 0): Promise<bigint> {
      let position = 0n;
      for (const { streamId, event } of script.newEvents().slice(from)) {
        position = (await store.append(streamId, [event], 'any')).position;
      }
      return position;
    },
    async keysOf(): Promise<string[]> {
      return (await redis.keys(`${keys.prefix}:*`)).sort();
    },
    async cleanUp(): Promise<void> {
      await Promise.all(stores.map((store) => store.close()));
      const left = await redis.keys(`${keys.prefix}:*`);
      if (left.length > 0) await redis.unlink(...left);
      redis.disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
