import { InvalidQueryError } from '../runner/projection.errors';

/** Query-string values, checked one field at a time; each refusal names its field (for a 400). */
export function optionalOneOf<Value extends string>(
  raw: Record<string, unknown>,
  field: string,
  allowed: readonly Value[],
): Value | undefined {
  const value = raw[field];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new InvalidQueryError(field, `must be one of ${allowed.join(', ')}.`);
  }
  return value as Value;
}

export function optionalText(raw: Record<string, unknown>, field: string): string | undefined {
  const value = raw[field];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || value.length > 200) throw new InvalidQueryError(field, 'must be an id.');
  return value;
}

export function optionalBoolean(raw: Record<string, unknown>, field: string): boolean | undefined {
  const value = raw[field];
  if (value === undefined || value === '') return undefined;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new InvalidQueryError(field, 'must be true or false.');
}

export function integerInRange(
  raw: Record<string, unknown>,
  field: string,
  range: { min: number; max: number; default: number },
): number {
  const value = raw[field];
  if (value === undefined || value === '') return range.default;
  const number = typeof value === 'number' ? value : /^-?\d+$/.test(String(value)) ? Number(value) : NaN;
  if (!Number.isInteger(number) || number < range.min || number > range.max) {
    throw new InvalidQueryError(field, `must be a whole number from ${range.min} to ${range.max}.`);
  }
  return number;
}
