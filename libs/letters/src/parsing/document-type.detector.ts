import type { DocumentType } from '../letter.types';
import type { LetterLayout } from './letter-layout';
import { spanOf, type Located } from './source-span';

/** How far into the document its title and heading matter for telling what kind of document it is. */
const HEAD_ROWS = 30;

const COMMITTEE_BODY = /\b(?:scrutiny|committee|cabinet|panel)\b/i;
const COMMITTEE_REPORT =
  /\breport (?:of|to|by|from) the\b|\bpurpose of (?:the|this) report\b|\bthis report\b/i;
const CHILDREN_SUMMARY =
  /\bsummary\b.{0,40}\bfor children\b|\bfor children and young people\b.{0,40}\bsummary\b|\bwritten for children\b/i;
const LETTER =
  /^(?:dear\b|yours (?:sincerely|faithfully)\b)|\bthis letter (?:summarises|contains|sets out|confirms)\b/i;
const REPORT =
  /\binspection report\b|^(?:inspection dates?|lead inspector|report (?:date|published))\s*:|^inspection of .{0,80}\bservices\b/i;

/**
 * A committee report announces itself in its heading (a scrutiny committee, cabinet or panel, and "report of
 * the …"); a summary for children says so; a letter has a salutation or sign-off; a full report has its
 * inspection details block. Checked in that order, because a committee report may quote the letter.
 */
export function detectDocumentType(layout: LetterLayout): Located<DocumentType> {
  const rows = layout.rows.filter((row) => !row.blank);
  const head = rows.slice(0, HEAD_ROWS);
  const committee = head.findIndex((row) => COMMITTEE_BODY.test(row.text));
  // A letter addressed to a partnership may name its scrutineer or board before "Dear …"; a committee report
  // opens with the committee, before any letter it quotes.
  const salutation = head.findIndex((row) => LETTER.test(row.text));
  const beforeAnyLetter = salutation < 0 || committee < salutation;
  if (committee >= 0 && beforeAnyLetter && rows.some((row) => COMMITTEE_REPORT.test(row.text))) {
    return { value: 'committee_report', source: spanOf(layout.text, head[committee]) };
  }
  const checks: Array<[DocumentType, RegExp, typeof rows]> = [
    ['inspection_summary', CHILDREN_SUMMARY, head],
    ['inspection_letter', LETTER, rows],
    ['inspection_report', REPORT, head],
  ];
  for (const [type, cue, where] of checks) {
    const row = where.find((candidate) => cue.test(candidate.text));
    if (row) return { value: type, source: spanOf(layout.text, row) };
  }
  return { value: 'inspection_letter' };
}
