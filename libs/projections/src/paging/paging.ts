import { InvalidQueryError } from '../runner/projection.errors';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

export interface Page<Item> {
  items: Item[];
  /** Pass back as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

/** `limit` as a query string gives it: absent means the default; above the maximum is an error (400). */
export function parseLimit(value: unknown, max = MAX_LIMIT): number {
  if (value === undefined || value === null || value === '') return Math.min(DEFAULT_LIMIT, max);
  const limit = typeof value === 'number' ? value : /^\d+$/.test(String(value)) ? Number(value) : NaN;
  if (!Number.isInteger(limit) || limit < 1)
    throw new InvalidQueryError('limit', 'must be a whole number ≥ 1.');
  if (limit > max) throw new InvalidQueryError('limit', `must be at most ${max}.`);
  return limit;
}

/** A cursor is the index member of the last item returned, opaque to clients. */
export function encodeCursor(member: string): string {
  return Buffer.from(member, 'utf8').toString('base64url');
}

export function parseCursor(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || !/^[A-Za-z0-9_-]+$/.test(value)) {
    throw new InvalidQueryError('cursor', 'is not a cursor this service gave out.');
  }
  const member = Buffer.from(value, 'base64url').toString('utf8');
  if (!member.includes('|')) throw new InvalidQueryError('cursor', 'is not a cursor this service gave out.');
  return member;
}

export function pageOf<Item>(items: Item[], members: string[], more: boolean): Page<Item> {
  return { items, nextCursor: more && members.length > 0 ? encodeCursor(members[members.length - 1]) : null };
}
