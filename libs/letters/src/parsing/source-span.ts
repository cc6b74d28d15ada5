import type { SourceSpan } from '../letter.types';

/** Something read from the input: a value and, where it was read rather than defaulted, where. */
export interface Located<T> {
  value: T;
  source?: SourceSpan;
}

/**
 * The span of a row or block, narrowed to where `needle` occurs inside it when it occurs there verbatim
 * (a needle cleaned of mark-up may not, and then the whole row or block is the answer).
 */
export function spanOf(text: string, from: SourceSpan, needle?: string): SourceSpan {
  if (!needle) return { start: from.start, end: from.end, line: from.line };
  const at = text.slice(from.start, from.end).indexOf(needle);
  if (at < 0) return { start: from.start, end: from.end, line: from.line };
  const start = from.start + at;
  return { start, end: start + needle.length, line: lineAt(text, start) };
}

export function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split(/\r\n|\r|\n/).length;
}
