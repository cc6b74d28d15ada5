import { Redis } from 'ioredis';
import { givenOverdueAction, givenPlannedAction, startTestApp } from '../apps/api/test/test-app';
import { run } from '../apps/cli/test/run-cli';
import {
  createTemporaryDatabase,
  type TemporaryDatabase,
} from '../libs/event-store/src/postgres/testing/temporary-database';

/** Every read-model key under a prefix with its value, the prefix taken off, so two installs can be compared. */
async function readModels(redis: Redis, prefix: string): Promise<Record<string, unknown>> {
  const keys: string[] = [];
  for await (const batch of redis.scanStream({ match: `${prefix}:*`, count: 1000 })) keys.push(...batch);
  const models: Record<string, unknown> = {};
  for (const key of keys.sort()) {
    const type = await redis.type(key);
    const name = key.slice(prefix.length + 1);
    if (type === 'string') models[name] = await redis.get(key);
    else if (type === 'hash') models[name] = await redis.hgetall(key);
    else if (type === 'zset') models[name] = await redis.zrange(key, 0, -1, 'WITHSCORES');
    else if (type === 'set') models[name] = (await redis.smembers(key)).sort();
    else if (type === 'list') models[name] = await redis.lrange(key, 0, -1);
    else throw new Error(`A read model of type ${type} at ${key}: teach this test to read it.`);
  }
  return models;
}

async function dropKeys(redis: Redis, prefix: string): Promise<void> {
  for await (const batch of redis.scanStream({ match: `${prefix}:*`, count: 1000 })) {
    if (batch.length > 0) await redis.del(...batch);
  }
}

describe('a log moved from SQLite to PostgreSQL', () => {
  let database: TemporaryDatabase;
  const redis = new Redis();
  const prefixes = [`test-copy-sqlite-${process.pid}`, `test-copy-postgres-${process.pid}`];

  beforeAll(async () => {
    database = await createTemporaryDatabase();
  });
  afterAll(async () => {
    for (const prefix of prefixes) await dropKeys(redis, prefix);
    redis.disconnect();
    await database.drop();
  });

  it('passes audit verify with the same head, and rebuilds into the same read models', async () => {
    const t = await startTestApp();
    const { actionId } = await givenPlannedAction(t.http);
    await t.http
      .post(`/api/actions/${actionId}/assign`)
      .send({ ownerId: t.users.owner.userId, dueDate: '2026-12-18' })
      .expect(200);
    await t.users.owner.http
      .post(`/api/actions/${actionId}/progress`)
      .send({ note: 'Half the contacts audited.' })
      .expect(200);
    await givenOverdueAction(t);
    const dataDir = t.dataDir;
    const sqlite = { DATA_DIR: dataDir };
    const postgres = { EVENT_STORE: 'postgres', DATABASE_URL: database.url };
    try {
      const migrated = await run(['migrate', '--from', dataDir, '--to', database.url], {});
      expect(migrated).toMatchObject({ code: 0, err: '' });

      const verifiedCopy = await run(['audit', 'verify'], postgres);
      expect(verifiedCopy).toMatchObject({ code: 0 });
      const headHere = (await run(['audit', 'head'], sqlite)).out.trim();
      const headThere = (await run(['audit', 'head'], postgres)).out.trim();
      expect(headThere).toMatch(/ah1-\d+-[0-9a-f]+/);
      expect(headThere).toBe(headHere);
      const checkedAgainstHead = await run(
        ['audit', 'verify', '--head', headHere.match(/ah1-\S+/)![0]],
        postgres,
      );
      expect(checkedAgainstHead.code).toBe(0);

      const [onSqlite, onPostgres] = prefixes;
      expect(
        await run(['projections', 'rebuild'], { ...sqlite, READ_MODEL_KEY_PREFIX: onSqlite }),
      ).toMatchObject({
        code: 0,
      });
      expect(
        await run(['projections', 'rebuild'], { ...postgres, READ_MODEL_KEY_PREFIX: onPostgres }),
      ).toMatchObject({ code: 0 });
      const original = await readModels(redis, onSqlite);
      expect(Object.keys(original).length).toBeGreaterThan(3);
      expect(await readModels(redis, onPostgres)).toEqual(original);
    } finally {
      await t.close();
    }
  });
});
