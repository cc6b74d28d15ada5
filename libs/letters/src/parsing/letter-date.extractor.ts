import { wholeDate } from './date-expressions';
import type { LetterLayout } from './letter-layout';
import { spanOf, type Located } from './source-span';

const DATE_LABEL =
  /^(?:date(?: of (?:letter|report|meeting|publication))?|report date|dated|meeting date|published)\s*:\s*/i;
const BODY_STARTS = /^(?:dear\b|this letter\b)/i;

/**
 * The date a letter or report was written: a line that is nothing but a date (or "Date: …"), in the
 * heading part of the document, before the salutation. Summaries and most committee reports carry none.
 */
export function extractLetterDate(layout: LetterLayout): Located<string | null> {
  for (const row of layout.rows) {
    if (row.blank) continue;
    if (BODY_STARTS.test(row.text)) break;
    const date = wholeDate(row.text.replace(DATE_LABEL, ''));
    if (date) return { value: date, source: spanOf(layout.text, row) };
  }
  return { value: null };
}
