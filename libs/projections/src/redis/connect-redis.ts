import { Redis } from 'ioredis';

/**
 * A connection to Redis, once it is known to answer: a probe that does not retry asks first, so that a missing
 * Redis stops a start with one sentence instead of reconnecting for ever. The connection returned reconnects.
 */
export async function connectRedis(url: string): Promise<Redis> {
  const probe = new Redis(url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    await probe.ping();
  } catch {
    throw new Error(
      `Redis is not answering at ${url}: start it (redis-server --daemonize yes) or set REDIS_URL to one that runs.`,
    );
  } finally {
    probe.disconnect();
  }
  const redis = new Redis(url);
  redis.on('error', () => undefined); // a lost connection is retried; /health reports what it costs
  return redis;
}
