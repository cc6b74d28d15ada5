import type { FindingCategory, Timescale } from '@actionledger/domain';

const CATEGORY_WORDS: ReadonlyArray<[RegExp, FindingCategory]> = [
  [/priority|\bpa\b|immediate/, 'priority_action'],
  [/development|\bafd\b|improvement/, 'area_for_development'],
  [/recommend/, 'recommendation'],
  [/strength/, 'strength'],
  [/meets|requirement/, 'meets_requirements'],
];

export function categoryOfText(text: string): FindingCategory | null {
  const lower = text.toLowerCase().replace(/_/g, ' ');
  return CATEGORY_WORDS.find(([pattern]) => pattern.test(lower))?.[1] ?? null;
}

export function timescaleOfText(text: string): Timescale | null {
  const lower = text.toLowerCase().replace(/_/g, ' ');
  if (/immediate/.test(lower)) return 'immediately';
  if (/\b(3|three) months/.test(lower)) return 'within_3_months';
  if (/\b(6|six) months/.test(lower)) return 'within_6_months';
  if (/^none$|^no timescale/.test(lower.trim())) return 'none';
  return null;
}
