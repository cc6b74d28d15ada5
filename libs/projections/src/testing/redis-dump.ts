import type { Redis } from 'ioredis';
import type { ProjectionKeys } from '../redis/projection-keys';

/** Every key of the read models with its content, sorted: two dumps are deep-equal when the read models are. */
export async function dumpReadModels(redis: Redis, keys: ProjectionKeys): Promise<Record<string, unknown>> {
  const names = (await redis.keys(`${keys.prefix}:*`)).filter((key) => keys.isRebuildable(key)).sort();
  const dump: Record<string, unknown> = {};
  for (const key of names) {
    const type = await redis.type(key);
    if (type === 'hash') dump[key] = await redis.hgetall(key);
    else if (type === 'zset') dump[key] = await redis.zrange(key, 0, -1);
    else dump[key] = await redis.get(key);
  }
  return dump;
}
