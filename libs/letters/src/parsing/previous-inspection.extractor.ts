import type { PreviousInspection } from '../letter.types';
import { datesMentioned } from './date-expressions';
import type { LetterLayout } from './letter-layout';
import { splitSentences } from './sentences';
import { spanOf, type Located } from './source-span';

/** A sentence about an earlier inspection: "the previous inspection …", "Sunderland was first inspected …". */
export const PREVIOUS_INSPECTION =
  /\b(?:previous|last|earlier|prior)\b(?:\s+\S+){0,3}?\s+(?:inspections?|visits?)\b|\b(?:was|were|been)\s+(?:first|previously|last)\s+inspected\b|\b(?:identified|raised|made)\s+at\s+the\s+(?:\S+\s+){0,2}inspection\s+in\b/i;

/** "Sometown's first unannounced inspection took place in July 2010": an earlier one, if dated before this. */
const FIRST_INSPECTION = /\bfirst\b(?:\s+\S+){0,3}?\s+inspection\b/i;

/**
 * "Since the child protection inspection in February 2013": a reference point for progress, so an earlier
 * inspection, if dated before this one. Weaker than a sentence that says "previous" or "last" (the one
 * referred to may be of another service), so it only dates the earlier inspection where those do not.
 */
const SINCE_AN_INSPECTION =
  /\b(?:since|following|after)\s+the\s+(?:\S+\s+){0,4}?(?:inspection|visit)\s+(?:in|of)\b/i;

const DEALT_WITH = String.raw`(?:addressed|met|resolved|implemented|actioned|delivered)`;
const DEGREE = String.raw`(?:all|now|since|both|each|fully|satisfactorily|successfully|effectively|largely)`;
const NOT_ADDRESSED = new RegExp(
  [
    // "have not all been addressed", "were not all addressed", "has not yet been fully met"
    String.raw`\b(?:not|n['’]t)\s+(?:(?:all|yet)\s+)?(?:been\s+)?(?:(?:all|fully|sufficiently|adequately|successfully|satisfactorily)\s+)?${DEALT_WITH}\b`,
    String.raw`\bpartially\s+(?:been\s+)?(?:addressed|met|resolved|implemented)\b`,
    String.raw`\bremains?\s+(?:an?\s+)?(?:area|issue|concern|weakness)\b`,
    // "Not all shortfalls identified … have been addressed"
    String.raw`\bnot all\b[^.]{0,120}\b(?:been\s+)?${DEALT_WITH}\b`,
    // What today's reports say where the earlier areas were not dealt with.
    // ("Not sustained" is not among them: what was not sustained is an earlier strength, not an area raised.)
    String.raw`\b(?:a decline|ineffective|limited progress|not improved)\b`,
    String.raw`\b(?:further work|more) (?:is |needs to be )?(?:required|needed|done)\b`,
    String.raw`\b(?:highlighted|identified|raised|noted)\s+(?:as\s+an?\s+area\s+)?for\s+(?:further\s+)?development\s+(?:at|in|during|by)\s+the\s+(?:previous|last)\b`,
  ].join('|'),
  'i',
);
/**
 * "have all been addressed", "the recommendations … have been met"; and, of the areas themselves, "were
 * addressed" or "the council has successfully addressed" (narrower verbs: "has met" and "was implemented"
 * are often said of something else).
 */
const ADDRESSED = new RegExp(
  [
    String.raw`\b(?:have|has|had)\s+(?:${DEGREE}\s+){0,2}been\s+(?:${DEGREE}\s+){0,2}${DEALT_WITH}\b`,
    String.raw`\b(?:have|has|had|were|was|are|is)\s+(?:${DEGREE}\s+){0,2}(?:addressed|resolved)\b`,
    String.raw`\b(?:successfully|fully|satisfactorily|effectively)\s+(?:addressed|resolved)\b`,
  ].join('|'),
  'i',
);
const YEAR_ONLY = /\b(?:in|of|during)\s+((?:19|20)\d{2})\b/;

/**
 * The earlier inspection the document refers back to, its month, and whether the areas raised then have
 * been addressed. A sentence naming the previous inspection is read together with the one after it
 * ("… was previously inspected in March 2011 … Both of these have since been addressed."). Any "not
 * addressed" outweighs an "addressed": the areas were not all dealt with.
 */
export function extractPreviousInspection(
  layout: LetterLayout,
  inspectionStart: string | null,
): Located<PreviousInspection | null> {
  let date: string | null = null;
  let addressed: boolean | null = null;
  let source: Located<PreviousInspection>['source'];
  let sinceDate: string | null = null;
  let sinceSource: Located<PreviousInspection>['source'];
  for (const block of layout.blocks) {
    const sentences = splitSentences(block.text);
    for (const [index, sentence] of sentences.entries()) {
      if (!namesAnEarlierInspection(sentence, inspectionStart)) {
        if (sinceDate === null && inspectionStart && SINCE_AN_INSPECTION.test(sentence)) {
          sinceDate = monthBefore(sentence, inspectionStart);
          if (sinceDate !== null) sinceSource = spanOf(layout.text, block, sentence);
        }
        continue;
      }
      source ??= spanOf(layout.text, block, sentence);
      // The first sentence that dates the earlier inspection dates it, to the month or only the year.
      const month = datesMentioned(sentence, null)[0]?.value.slice(0, 7) ?? null;
      date ??= month ?? YEAR_ONLY.exec(sentence)?.[1] ?? null;
      // A later sentence may give the month of the year first named ("in 2019", then "in May 2019").
      if (date?.length === 4 && month?.startsWith(date)) date = month;
      const verdict = verdictOf(sentence) ?? verdictOf(sentences[index + 1] ?? '');
      if (verdict !== null) addressed = addressed === false ? false : verdict;
    }
  }
  date ??= sinceDate;
  source ??= sinceSource;
  if (!source) return { value: null };
  return { value: { date, areasAddressed: addressed }, source };
}

/** The month (or year) of the first date the sentence gives, if it is before this inspection began. */
function monthBefore(sentence: string, inspectionStart: string): string | null {
  const date = datesMentioned(sentence, null)[0]?.value;
  if (date === undefined || date >= inspectionStart.slice(0, date.length)) return null;
  return date.slice(0, 7);
}

/**
 * "The previous inspection", or the first one where the sentence dates it before this inspection began: the
 * first inspection may as well be this one ("This was the council's first unannounced inspection.").
 */
function namesAnEarlierInspection(sentence: string, inspectionStart: string | null): boolean {
  if (PREVIOUS_INSPECTION.test(sentence)) return true;
  if (!inspectionStart || !FIRST_INSPECTION.test(sentence)) return false;
  const date = datesMentioned(sentence, null)[0]?.value;
  return date !== undefined && date < inspectionStart.slice(0, date.length);
}

function verdictOf(sentence: string): boolean | null {
  if (NOT_ADDRESSED.test(sentence)) return false;
  if (ADDRESSED.test(sentence)) return true;
  return null;
}
