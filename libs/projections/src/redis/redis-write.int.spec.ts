import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { REDIS_URL } from '../testing/redis-test-setup';
import { MemoryRedisModel } from '../testing/memory-redis-model';
import { queueWrites, type RedisWrite } from './redis-write';

describe('queueing writes on a MULTI', () => {
  const redis = new Redis(REDIS_URL);
  const prefix = `test-${randomUUID()}`;
  afterAll(async () => {
    const left = await redis.keys(`${prefix}:*`);
    if (left.length) await redis.unlink(...left);
    redis.disconnect();
  });

  async function applied(writes: RedisWrite[]) {
    const transaction = redis.multi();
    queueWrites(transaction, writes);
    await transaction.exec();
    return { hash: await redis.hgetall(`${prefix}:h`), zset: await redis.zrange(`${prefix}:z`, 0, -1) };
  }

  it('folds writes per key and leaves what applying them one by one would', async () => {
    const writes: RedisWrite[] = [
      { op: 'hset', key: `${prefix}:h`, field: 'a', value: '1' },
      { op: 'zadd', key: `${prefix}:z`, member: 'm1' },
      { op: 'hset', key: `${prefix}:h`, field: 'b', value: '2' },
      { op: 'zadd', key: `${prefix}:z`, member: 'm2' },
      { op: 'hset', key: `${prefix}:h`, field: 'a', value: '3' },
    ];
    expect(await applied(writes)).toEqual({ hash: { a: '3', b: '2' }, zset: ['m1', 'm2'] });
  });

  it('keeps the order when a member is added and removed in the same batch', async () => {
    const writes: RedisWrite[] = [
      { op: 'zadd', key: `${prefix}:z`, member: 'm3' },
      { op: 'zrem', key: `${prefix}:z`, member: 'm3' },
      { op: 'zrem', key: `${prefix}:z`, member: 'm1' },
      { op: 'zadd', key: `${prefix}:z`, member: 'm1' },
    ];
    const model = new MemoryRedisModel().apply(writes);
    expect((await applied(writes)).zset).toEqual(['m1', 'm2']);
    expect(model.members(`${prefix}:z`)).toEqual(['m1']);
  });
});
