import { firstDays, type DaysMention } from './date-expressions';
import type { LetterLayout } from './letter-layout';
import { PREVIOUS_INSPECTION } from './previous-inspection.extractor';
import { splitSentences } from './sentences';
import { spanOf, type Located } from './source-span';

const DATES_LABEL = /\b(?:inspection dates?|dates? of (?:the )?inspection|inspection visit)\s*:/i;
const VISIT = /\b(?:conducted|carried out|took place|undertaken|undertook|held|inspected|visited)\b/i;
/** "This letter summarises the findings of a focused visit to … on 15 December 2020." */
const FINDINGS_OF_THE_VISIT = /\bfindings of (?:the|a|an|this)\b.{0,60}?\b(?:visit|inspection)\b/i;
const INSPECTION = /\binspect/i;

/** Each way of finding the visit's dates in a block's text: the text to read them from, or null. */
const PLACES_TO_LOOK: Array<(text: string) => string | null> = [
  // "Inspection dates: 28 February – 11 March 2011"
  (text) => (DATES_LABEL.test(text) ? text.slice(text.search(DATES_LABEL)) : null),
  // "This letter summarises the findings of the focused visit to … services on 13 and 14 December 2022."
  (text) => {
    const sentence = splitSentences(text).find((candidate) => FINDINGS_OF_THE_VISIT.test(candidate));
    return sentence ? sentence.slice(sentence.search(FINDINGS_OF_THE_VISIT)) : null;
  },
  // "… the inspection … which was conducted on 8 and 9 February 2011."
  (text) => {
    const sentence = splitSentences(text).find(describesTheVisit);
    if (!sentence) return null;
    // The dates follow the verb ("… was conducted on 8 and 9 February 2011"), or open the sentence ("Between
    // 27 February and 3 March 2017, Ofsted … undertook a joint inspection").
    const afterVerb = sentence.slice(sentence.search(VISIT));
    return firstDays(afterVerb) ? afterVerb : sentence;
  },
  // "7 – 16 January 2013" standing alone under a summary's title
  (text) => (isOnlyDays(text) ? text : null),
];

/** Every day of the inspection visit, from the most trustworthy place the document gives them. */
export function extractInspectionDates(layout: LetterLayout): Located<string[]> {
  for (const look of PLACES_TO_LOOK) {
    for (const block of layout.blocks) {
      const where = look(block.text);
      const found = where === null ? null : firstDays(where);
      if (!where || !found) continue;
      const days = [...new Set(found.days)].sort();
      return { value: days, source: spanOf(layout.text, block, matched(where, found)) };
    }
  }
  return { value: [] };
}

function describesTheVisit(sentence: string): boolean {
  return INSPECTION.test(sentence) && VISIT.test(sentence) && !PREVIOUS_INSPECTION.test(sentence);
}

function isOnlyDays(text: string): boolean {
  const found = firstDays(text);
  if (!found || found.days.length < 2) return false;
  return !/[\p{L}\p{N}]/u.test(text.slice(0, found.index) + text.slice(found.index + found.length));
}

function matched(text: string, found: DaysMention): string {
  return text.slice(found.index, found.index + found.length);
}
