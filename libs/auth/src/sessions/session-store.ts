import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { secretTokenHash } from '../secret-tokens';

export interface Session {
  userId: string;
  createdAt: string;
}

export interface SessionStoreOptions {
  /** Every session key starts with it, so that installs (and test runs) sharing a Redis never meet. */
  keyPrefix: string;
  /** A session unused for this long ends; each use starts the count again. */
  idleSeconds: number;
}

const SESSION_ID = /^als_[A-Za-z0-9_-]{43}$/;

/**
 * Web sessions in Redis. The id the browser holds is random and opaque; Redis keeps only its SHA-256, so a copy
 * of Redis (a backup, a replica) cannot be replayed as anyone's cookie.
 */
export class SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly options: SessionStoreOptions,
  ) {
    if (!/^[A-Za-z0-9:_-]+$/.test(options.keyPrefix)) {
      throw new TypeError(`Invalid session key prefix "${options.keyPrefix}".`);
    }
  }

  /** A new session for the user; the id is returned once, for the cookie. */
  async create(userId: string, now: Date): Promise<string> {
    const sessionId = `als_${randomBytes(32).toString('base64url')}`;
    const session: Session = { userId, createdAt: now.toISOString() };
    await this.redis.set(this.key(sessionId), JSON.stringify(session), 'EX', this.options.idleSeconds);
    return sessionId;
  }

  /** The live session with this id, its idle time started again; null for an unknown, ended or malformed id. */
  async find(sessionId: string): Promise<Session | null> {
    if (!SESSION_ID.test(sessionId)) return null;
    const found = await this.redis.getex(this.key(sessionId), 'EX', this.options.idleSeconds);
    return found ? (JSON.parse(found) as Session) : null;
  }

  async destroy(sessionId: string): Promise<void> {
    if (SESSION_ID.test(sessionId)) await this.redis.del(this.key(sessionId));
  }

  private key(sessionId: string): string {
    return `${this.options.keyPrefix}:session:${secretTokenHash(sessionId)}`;
  }
}
