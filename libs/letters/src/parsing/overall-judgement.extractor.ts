import type { Judgement } from '../letter.types';
import type { LetterLayout } from './letter-layout';
import { splitSentences } from './sentences';
import { spanOf, type Located } from './source-span';

const JUDGING = /\b(?:rated|rating|judged|judgement|judgment|grade|graded|effectiveness)\b/i;
const OVERALL_THEN_GRADE = /\boverall\b[^.;]{0,100}?\b(outstanding|good|adequate|inadequate)\b/i;

/**
 * The overall grade, where the document gives one: "Overall we rated Stockton as adequate …",
 * "The overall effectiveness of safeguarding services … is judged to be adequate", "Overall effectiveness: Good".
 */
export function extractOverallJudgement(layout: LetterLayout): Located<Judgement | null> {
  for (const block of layout.blocks) {
    for (const sentence of splitSentences(block.text)) {
      if (!JUDGING.test(sentence)) continue;
      const grade = OVERALL_THEN_GRADE.exec(sentence);
      if (grade) {
        return { value: grade[1].toLowerCase() as Judgement, source: spanOf(layout.text, block, grade[0]) };
      }
    }
  }
  return { value: null };
}
