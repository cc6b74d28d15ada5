import type { PlanDeadline } from '../letter.types';
import { wholeDate } from './date-expressions';
import type { LetterLayout } from './letter-layout';
import { splitSentences } from './sentences';
import { spanOf, type Located } from './source-span';

const PLAN = /\b(?:action plan|(?:written )?statement of (?:proposed )?action|improvement plan)\b/i;
const WITHIN_WORKING_DAYS = /\bwithin (\d{1,3}|[a-z]+(?:[- ][a-z]+)?) working days\b/i;
const BY_DATE = /\bby ((?:\d{1,2}(?:st|nd|rd|th)?\s+)?[A-Z][a-z]+\.?,?\s+(?:19|20)\d{2})\b/;
/** "share an early draft … within 20 working days": a step on the way, not the plan's deadline. */
const DRAFT = /\bdraft\b/i;

const NUMBER_WORDS: Record<string, number> = {
  ten: 10,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/**
 * When the council's plan is due: "You should submit an action plan … within 70 working days of receiving this
 * letter", or "… should send the written statement of action to … by 24 July 2017". A deadline for a draft of
 * the plan is not the plan's.
 */
export function extractPlanDeadline(layout: LetterLayout): Located<PlanDeadline | null> {
  for (const block of layout.blocks) {
    if (!PLAN.test(block.text)) continue;
    for (const sentence of splitSentences(block.text)) {
      if (!PLAN.test(sentence) || DRAFT.test(sentence)) continue;
      const within = WITHIN_WORKING_DAYS.exec(sentence);
      const workingDays = within ? numberOf(within[1]) : null;
      if (workingDays) return { value: { workingDays }, source: spanOf(layout.text, block, within![0]) };
      const by = BY_DATE.exec(sentence);
      const date = by ? wholeDate(by[1]) : null;
      if (date) return { value: { date }, source: spanOf(layout.text, block, by![0]) };
    }
  }
  return { value: null };
}

function numberOf(words: string): number | null {
  if (/^\d+$/.test(words)) return Number(words);
  return NUMBER_WORDS[words.toLowerCase()] ?? null;
}
