import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Redis } from 'ioredis';
import { run } from './run-cli';

describe('actionledger projections rebuild', () => {
  let dataDir: string;
  let prefix: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'actionledger-rebuild-'));
    prefix = `test-${basename(dataDir)}`;
  });
  afterEach(async () => {
    const redis = new Redis();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('replays the log into fresh read models, and again after they are lost', async () => {
    const env = { DATA_DIR: dataDir, READ_MODEL_KEY_PREFIX: prefix };
    await run(['setup', '--org', 'Durham County Council', '--email', 'a@example.org', '--name', 'A'], env);
    const first = await run(['projections', 'rebuild'], env);
    expect(first).toMatchObject({ code: 0 });
    expect(first.out).toMatch(/Rebuilt the read models from \d+ events/);

    const redis = new Redis();
    const checkpoints = await redis.keys(`${prefix}:*checkpoint*`);
    expect(checkpoints.length).toBeGreaterThan(0);
    await redis.del(...(await redis.keys(`${prefix}:*`)));
    redis.disconnect();
    expect((await run(['projections', 'rebuild'], env)).code).toBe(0);
  });

  it('says in one line what to start when Redis does not answer', async () => {
    const result = await run(['projections', 'rebuild'], {
      DATA_DIR: dataDir,
      REDIS_URL: 'redis://127.0.0.1:1',
    });
    expect(result.code).toBe(1);
    expect(result.err.trim().split('\n')).toHaveLength(1);
    expect(result.err).toMatch(/Redis is not answering at redis:\/\/127\.0\.0\.1:1/);
  });
});
