import fc from 'fast-check';
import { canonicalize } from 'json-canonicalize';
import { canonicalJson } from './canonical-json';

describe('canonical JSON', () => {
  it('is RFC 8785 (json-canonicalize) for any JSON value, in any key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(canonicalize(value));
      }),
      { numRuns: 2_000 },
    );
  });

  it('is RFC 8785 for values already in canonical order, where JSON.stringify does the work', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const ordered = JSON.parse(canonicalize(value)) as unknown;
        expect(canonicalJson(ordered)).toBe(canonicalize(value));
      }),
      { numRuns: 2_000 },
    );
  });

  it('sorts keys by UTF-16 code units, integer-like keys and non-ASCII included', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson({ '10': 'ten', '9': 'nine' })).toBe('{"10":"ten","9":"nine"}');
    expect(canonicalJson({ '\u20ac': 1, '\r': 2, '\ud83d\ude00': 3, ö: 4 })).toBe(
      '{"\\r":2,"ö":4,"€":1,"😀":3}',
    );
  });

  it('writes what the store would keep of undefined and of dates', () => {
    expect(canonicalJson({ b: undefined, a: [undefined, 1] })).toBe('{"a":[null,1]}');
    const at = new Date('2026-11-02T09:00:00.000Z');
    expect(canonicalJson({ at })).toBe(JSON.stringify({ at }));
  });
});
