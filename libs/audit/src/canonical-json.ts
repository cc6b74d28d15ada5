import { canonicalizeEx } from 'json-canonicalize';

/**
 * Undefined is dropped from objects and read as null in arrays, as `JSON.stringify` does when the store writes an
 * event: a hash taken before the write must equal the one taken of the event read back.
 */
const AS_STORED = { filterUndefined: true, undefinedInArrayToNull: true };

/**
 * RFC 8785 canonical JSON, by json-canonicalize. RFC 8785 serialises strings, numbers and literals exactly as
 * ECMAScript's `JSON.stringify` does (its §3.2.2) and adds one rule: object keys sorted by UTF-16 code units.
 * So when every object in the value already has its keys in that order, `JSON.stringify` gives the canonical text
 * itself, several times faster; the chain stores events in canonical order (`chainEvents`), which lets
 * `audit verify` take that path for every event it reads. Anything else goes through the library;
 * `canonical-json.unit.spec.ts` checks both give the same text.
 */
export function canonicalJson(value: unknown): string {
  return inCanonicalOrder(value) ? JSON.stringify(value) : canonicalizeEx(value, AS_STORED);
}

/** Whether every object in the value has plain data in RFC 8785 key order (so `JSON.stringify` is canonical). */
function inCanonicalOrder(value: unknown): boolean {
  if (value === null) return true;
  if (typeof value !== 'object') {
    return typeof value === 'string' || typeof value === 'boolean' || Number.isFinite(value);
  }
  if (Array.isArray(value)) {
    for (const element of value) if (!inCanonicalOrder(element)) return false;
    return true;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  const keys = Object.keys(value);
  for (let index = 0; index < keys.length; index++) {
    if (index > 0 && !(keys[index - 1] < keys[index])) return false;
    if (!inCanonicalOrder((value as Record<string, unknown>)[keys[index]])) return false;
  }
  return true;
}
