import type { InspectionType } from '../letter.types';
import type { LetterLayout } from './letter-layout';
import { spanOf, type Located } from './source-span';
import type { Row } from './text-rows';

const CHILDRENS_SERVICES = String.raw`children['’]?s(?: social care)? services`;

const FRAMEWORKS: Array<[Exclude<InspectionType, 'other'>, RegExp]> = [
  ['joint_targeted_area_inspection', /\bjoint targeted area inspection\b|\bJTAI\b/i],
  ['focused_visit', /\bfocused visit\b/i],
  ['monitoring_visit', /\bmonitoring visit\b/i],
  ['contact_referral_assessment', /\bcontact,? referral,? and assessment\b/i],
  [
    'child_protection',
    /\binspection of (?:local authority arrangements for the )?(?:child protection|protection of children)\b|\bchild protection inspection\b/i,
  ],
  ['looked_after_children', /\binspection of looked[- ]after children(?:['’]s)? services\b/i],
  [
    'safeguarding_and_looked_after_children',
    /\bsafeguarding and looked[- ]after children\b|\blooked[- ]after children services\b/i,
  ],
  [
    'local_authority_childrens_services',
    new RegExp(
      String.raw`\b[Ii]nspection of (?:the )?(?:[A-Z][\w'’-]*\s+){0,5}(?:local\s+authority\s+)?${CHILDRENS_SERVICES}\b|\blocal authority ${CHILDRENS_SERVICES}\b|\b[Ii]nspection of services for children in need of help and protection\b`,
    ),
  ],
];

/** The title area: where a document names its inspection first, its heading wrapped over lines. */
const HEAD_ROWS = 60;
/** Mentions in the title area count for more than mentions in the body, when the title names none. */
const HEAD_WEIGHT = 3;

/**
 * The inspection framework the document's title names (the one named first in its opening lines, read as
 * one text so that a title wrapped over lines counts); failing that, the one most named in the document,
 * its title area weighing most; `other` when none is.
 */
export function detectInspectionType(layout: LetterLayout): Located<InspectionType> {
  const rows = layout.rows.filter((row) => !row.blank);
  return namedFirstInTitle(layout, rows.slice(0, HEAD_ROWS)) ?? mostNamed(layout, rows);
}

function namedFirstInTitle(layout: LetterLayout, head: Row[]): Located<InspectionType> | null {
  let text = '';
  const rowAt: Array<{ at: number; row: Row }> = [];
  for (const row of head) {
    rowAt.push({ at: text.length, row });
    text += `${row.text} `;
  }
  let first: { type: InspectionType; at: number } | null = null;
  for (const [type, phrase] of FRAMEWORKS) {
    const at = text.search(phrase);
    if (at >= 0 && (first === null || at < first.at)) first = { type, at };
  }
  if (!first) return null;
  const row = [...rowAt].reverse().find(({ at }) => at <= first.at)!.row;
  return { value: first.type, source: spanOf(layout.text, row) };
}

function mostNamed(layout: LetterLayout, rows: Row[]): Located<InspectionType> {
  let best: Located<InspectionType> & { score: number } = { value: 'other', score: 0 };
  for (const [type, phrase] of FRAMEWORKS) {
    const mentions = rows.map((row, index) => ({ row, index })).filter(({ row }) => phrase.test(row.text));
    const score = mentions.reduce((sum, { index }) => sum + (index < HEAD_ROWS ? HEAD_WEIGHT : 1), 0);
    if (score > best.score) best = { value: type, score, source: spanOf(layout.text, mentions[0].row) };
  }
  return { value: best.value, source: best.source };
}
