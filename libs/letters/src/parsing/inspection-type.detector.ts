import type { InspectionType } from '../letter.types';
import type { LetterLayout } from './letter-layout';
import { spanOf, type Located } from './source-span';

const FRAMEWORKS: Array<[Exclude<InspectionType, 'other'>, RegExp]> = [
  ['contact_referral_assessment', /\bcontact,? referral,? and assessment\b/i],
  [
    'child_protection',
    /\binspection of (?:local authority arrangements for the )?(?:child protection|protection of children)\b|\bchild protection inspection\b/i,
  ],
  [
    'safeguarding_and_looked_after_children',
    /\bsafeguarding and looked[- ]after children\b|\blooked[- ]after children services\b/i,
  ],
];

/** Mentions in the title area count for more than mentions in the body. */
const HEAD_ROWS = 30;
const HEAD_WEIGHT = 3;

/** The inspection framework most named in the document, its title weighing most; `other` when none is. */
export function detectInspectionType(layout: LetterLayout): Located<InspectionType> {
  const rows = layout.rows.filter((row) => !row.blank);
  let best: Located<InspectionType> & { score: number } = { value: 'other', score: 0 };
  for (const [type, phrase] of FRAMEWORKS) {
    const mentions = rows.map((row, index) => ({ row, index })).filter(({ row }) => phrase.test(row.text));
    const score = mentions.reduce((sum, { index }) => sum + (index < HEAD_ROWS ? HEAD_WEIGHT : 1), 0);
    if (score > best.score) best = { value: type, score, source: spanOf(layout.text, mentions[0].row) };
  }
  return { value: best.value, source: best.source };
}
