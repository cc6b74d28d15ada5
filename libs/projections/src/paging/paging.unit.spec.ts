import { InvalidQueryError } from '../runner/projection.errors';
import { encodeCursor, MAX_LIMIT, parseCursor, parseLimit } from './paging';

describe('paging', () => {
  it('reads a limit, with a default, and refuses one above the maximum naming the field', () => {
    expect(parseLimit(undefined)).toBe(50);
    expect(parseLimit('20')).toBe(20);
    expect(parseLimit(MAX_LIMIT)).toBe(MAX_LIMIT);
    expect(() => parseLimit(MAX_LIMIT + 1)).toThrow(InvalidQueryError);
    expect(() => parseLimit('201')).toThrow(/limit: must be at most 200/);
    for (const bad of ['0', '-1', '1.5', 'ten', 0]) expect(() => parseLimit(bad)).toThrow(/Invalid limit/);
  });

  it('gives out opaque cursors and refuses any it did not give out', () => {
    const member = '2026-03-01|a-1';
    expect(parseCursor(encodeCursor(member))).toBe(member);
    expect(parseCursor(undefined)).toBeNull();
    expect(() => parseCursor('not a cursor!')).toThrow(/Invalid cursor/);
    expect(() => parseCursor(encodeCursor('no-separator'))).toThrow(InvalidQueryError);
  });
});
