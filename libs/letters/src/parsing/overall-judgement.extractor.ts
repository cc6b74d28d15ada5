import type { Judgement } from '../letter.types';
import type { LetterLayout } from './letter-layout';
import { splitSentences } from './sentences';
import { spanOf, type Located } from './source-span';

const JUDGING = /\b(?:rated|rating|judged|judgement|judgment|grade|graded|effectiveness)\b/i;
const OVERALL_THEN_GRADE =
  /\boverall\b[^.;]{0,100}?\b(outstanding|good|adequate|inadequate|requires improvement)\b/i;

/**
 * The overall grade, where the document gives one: "Overall we rated Stockton as adequate …",
 * "The overall effectiveness of safeguarding services … is judged to be adequate", "Overall effectiveness: Good".
 */
export function extractOverallJudgement(
  layout: LetterLayout,
  /** Read only what comes before this offset (a table of judgements, where the report has one). */
  before = Infinity,
): Located<Judgement | null> {
  for (const block of layout.blocks) {
    if (block.start >= before) break;
    for (const sentence of splitSentences(block.text)) {
      if (!JUDGING.test(sentence)) continue;
      const grade = OVERALL_THEN_GRADE.exec(sentence);
      if (grade) {
        const value = grade[1].toLowerCase().startsWith('requires')
          ? 'requires_improvement'
          : grade[1].toLowerCase();
        return { value: value as Judgement, source: spanOf(layout.text, block, grade[0]) };
      }
    }
  }
  return { value: null };
}
