import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Bearer tokens and invitation links: random, shown once, stored only as their SHA-256. */
export function newSecretToken(prefix: 'alt' | 'ali'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function secretTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
