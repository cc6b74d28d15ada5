import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { secretTokenHash } from '../secret-tokens';
import { SessionStore } from './session-store';

/** The session store against the real Redis, under a key prefix of its own. */
describe('SessionStore', () => {
  const redis = new Redis();
  const keyPrefix = `test-sessions-${randomUUID()}`;
  const sessions = new SessionStore(redis, { keyPrefix, idleSeconds: 600 });
  const now = new Date('2026-11-02T09:00:00Z');

  afterAll(async () => {
    const keys = await redis.keys(`${keyPrefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('keeps a session under the hash of its id, never the id, for the idle time', async () => {
    const sessionId = await sessions.create('user-1', now);
    const keys = await redis.keys(`${keyPrefix}:*`);
    expect(keys).toEqual([`${keyPrefix}:session:${secretTokenHash(sessionId)}`]);
    expect(await redis.get(keys[0])).not.toContain(sessionId);
    expect(await redis.ttl(keys[0])).toBeGreaterThan(590);
    expect(await sessions.find(sessionId)).toEqual({ userId: 'user-1', createdAt: now.toISOString() });
  });

  it('starts the idle time again at each use', async () => {
    const sessionId = await sessions.create('user-2', now);
    const key = `${keyPrefix}:session:${secretTokenHash(sessionId)}`;
    await redis.expire(key, 5); // as if it had been left unused for nearly the whole idle time
    await sessions.find(sessionId);
    expect(await redis.ttl(key)).toBeGreaterThan(590);
  });

  it('forgets a destroyed session, and finds nothing for an unknown or malformed id', async () => {
    const sessionId = await sessions.create('user-3', now);
    await sessions.destroy(sessionId);
    expect(await sessions.find(sessionId)).toBeNull();
    expect(await sessions.find(`als_${'A'.repeat(43)}`)).toBeNull();
    expect(await sessions.find('not a session id')).toBeNull();
    expect(await sessions.find(`${sessionId}x`)).toBeNull();
  });

  it('refuses a key prefix that could reach outside its own keys', () => {
    expect(() => new SessionStore(redis, { keyPrefix: 'al*', idleSeconds: 1 })).toThrow(TypeError);
  });
});
