import type { TextSpan } from '@actionledger/domain';

/** A part of the letter's text: plain, or the span a proposal was read from (with the anchor it links to). */
export type LetterPart = { text: string } | { text: string; mark: { id: string; label: string } };

export interface SourceMark {
  id: string;
  label: string;
  source: TextSpan | null;
}

/**
 * Pure: the letter's text cut into parts so that each proposal's source span can be marked. Spans out of range
 * are clipped; a span that overlaps one already marked is left unmarked (its proposal still names its line).
 */
export function highlightedLetter(text: string, marks: readonly SourceMark[]): LetterPart[] {
  const spans = marks
    .flatMap((mark) => {
      if (!mark.source) return [];
      const start = Math.max(0, Math.min(mark.source.start, text.length));
      const end = Math.max(start, Math.min(mark.source.end, text.length));
      return end > start ? [{ ...mark, start, end }] : [];
    })
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: LetterPart[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    if (span.start > at) parts.push({ text: text.slice(at, span.start) });
    parts.push({ text: text.slice(span.start, span.end), mark: { id: span.id, label: span.label } });
    at = span.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}
