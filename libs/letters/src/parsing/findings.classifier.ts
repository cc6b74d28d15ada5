import type { FindingCategory, ParsedFinding, Timescale } from '../letter.types';
import { opensActionsSection, readActionsSection, type LocatedAction } from './actions-taken.reader';
import { isHeading, isParagraph, isReportParagraph, isTopLevelNumber } from './block-roles';
import {
  categoriesNamedIn,
  leadingTimescale,
  timescaleLabel,
  timescaleInOwnWords,
  timescaleNamedIn,
  trailingTimescale,
} from './category.vocabulary';
import { commentsOnTheList, introducesList, isClosingRemark } from './section-cue.vocabulary';
import { splitSentences } from './sentences';
import type { Block } from './text-blocks';

export interface LocatedFinding {
  finding: ParsedFinding;
  block: Block;
}

const CONTENTS = /^(?:table of )?contents$/i;

/** Which list the walk is in: findings of one category (under one timescale), or none. */
type Section = { category: FindingCategory; timescale: Timescale } | null;

/**
 * Walks the blocks in order. Headings and the sentences that introduce a list set the category of what
 * follows; every paragraph or item under one is a finding, until a heading on something else, a report's
 * next numbered paragraph, a summary of the outcome or a closing remark ("… identified above will be
 * considered …", "Yours sincerely").
 * A committee report's account of actions taken is read separately.
 */
export function classifyBlocks(
  blocks: Block[],
  inspectionEnd: string | null,
  /** Only a council's committee report gives an account of actions taken; a report of "progress made" does not. */
  { readsActions = true }: { readsActions?: boolean } = {},
): { findings: LocatedFinding[]; actions: LocatedAction[] } {
  const findings: LocatedFinding[] = [];
  const actions: LocatedAction[] = [];
  let section: Section = null;
  // Whether the current list's first finding was an item (bullet or number) rather than a paragraph.
  let listed = false;
  let listedIn: Section = null;
  // The number of the report's paragraph that introduced the list ("13. Priorities for further improvement:").
  let openedAt: number | null = null;
  let inContents = false;
  // Set where a list is divided under sub-headings ("Areas for improvement" / "Response to children living
  // with domestic abuse" / …): a heading then divides the list rather than ending it.
  let subheaded = false;
  let takenIn: Section = null;
  let taken = 0;
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index];
    // A table of contents lists the report's headings ("Priorities for further improvement"), not its lists:
    // it runs until the first sentence (a heading may end in a question mark).
    if (CONTENTS.test(block.text)) [inContents, section] = [true, null];
    if (inContents && !/\.["'”’)]*$/.test(block.text)) continue;
    inContents = false;
    // A list given as bullets ends where running text resumes (a report's narrative after its list), unless
    // the document ends or its closing remark follows at once: then it is the list's last item, its bullet lost.
    if (
      section &&
      section === listedIn &&
      listed &&
      isRunningText(block) &&
      !endsTheFindings(blocks[index + 1])
    ) {
      section = null;
    }
    // The report's next numbered paragraph is narrative again.
    if (section && openedAt !== null && isTopLevelNumber(block.number) && Number(block.number) > openedAt) {
      section = null;
    }
    const timescale = timescaleLabel(block.text);
    if (isClosingRemark(block.text) || (isParagraph(block) && commentsOnTheList(block.text))) {
      section = null;
    } else if (readsActions && opensActionsSection(block)) {
      const read = readActionsSection(blocks, index, inspectionEnd);
      actions.push(...read.actions);
      index = read.end - 1;
      section = null;
    } else if (timescale) {
      section = section && { category: section.category, timescale };
    } else if (section && isSubHeading(block, subheaded || takenIn !== section || taken === 0)) {
      subheaded = true;
    } else if (isHeading(block) || introducesList(block.text) || summarisesFindings(block)) {
      subheaded = false;
      const before: Section = section;
      section = sectionIntroducedBy(block, section);
      if (section !== before) openedAt = isTopLevelNumber(block.number) ? Number(block.number) : null;
    } else if (isReportParagraph(block)) {
      section = null;
    } else if (section && !findsNone(block.text)) {
      if (section !== listedIn) [listed, listedIn] = [block.kind === 'item', section];
      if (takenIn !== section) [takenIn, taken] = [section, 0];
      taken += 1;
      findings.push({ finding: toFinding(block.text, section), block });
    }
  }
  return { findings, actions };
}

/** "The inspection did not find any areas for priority action.": a list's only line, saying it is empty. */
function findsNone(text: string): boolean {
  return /^(?:the )?(?:inspection|inspectors?|visit|we)\b.{0,40}\b(?:did not|does not|do not|has not|have not) (?:find|identify|identified|found) any\b/i.test(
    text,
  );
}

/** Headings that start a part of their own, never a division of a list. */
const PART_OF_ITS_OWN =
  /^(?:case stud(?:y|ies)|next steps|(?:main |headline |key )?findings|summary|introduction|background|contents)\b/i;

/**
 * A heading dividing a list: one right under the list's own heading (before any finding), or one more where
 * the list is divided so; never one naming a category, nor a part of the document of its own.
 */
function isSubHeading(block: Block, divides: boolean): boolean {
  return (
    divides &&
    isHeading(block) &&
    block.kind === 'paragraph' &&
    categoriesNamedIn(block.text).length === 0 &&
    !PART_OF_ITS_OWN.test(block.text) &&
    !isClosingRemark(block.text) &&
    !/^dear\b/i.test(block.text)
  );
}

function endsTheFindings(next: Block | undefined): boolean {
  return next === undefined || isClosingRemark(next.text);
}

function isRunningText(block: Block): boolean {
  return block.kind === 'paragraph' && !block.standalone && !isHeading(block);
}

/**
 * A heading or lead-in naming one category opens that category's list; one naming several is an overview
 * ("the following strengths and areas for development were identified:") and opens none until the next
 * heading; a heading on anything else closes the list; a lead-in naming none ("… should take the following
 * action.") leaves the list as it was, or sets the timescale of what follows where it names one ("… should
 * take the following action within three months:").
 */
function sectionIntroducedBy(block: Block, current: Section): Section {
  const categories = categoriesNamedIn(block.text);
  const timescale = timescaleNamedIn(block.text);
  if (categories.length === 1) return { category: categories[0], timescale: timescale ?? 'none' };
  if (categories.length > 1 || isHeading(block)) return null;
  return current && timescale ? { category: current.category, timescale } : current;
}

/**
 * A paragraph with a sentence naming several categories ("The inspection identified areas of strength, a
 * number of areas where practice meets requirements and two areas for development.") gives the outcome in
 * brief; it is not a finding. A list item can name a second category in passing ("This was an area
 * highlighted for development …") and still be one.
 */
function summarisesFindings(block: Block): boolean {
  return (
    block.kind === 'paragraph' &&
    splitSentences(block.text).some((sentence) => categoriesNamedIn(sentence).length > 1)
  );
}

function toFinding(text: string, section: NonNullable<Section>): ParsedFinding {
  const labelled = leadingTimescale(text);
  return {
    category: section.category,
    timescale:
      labelled?.timescale ??
      trailingTimescale(text) ??
      (section.timescale === 'none' ? timescaleInOwnWords(text) : null) ??
      section.timescale,
    text: labelled?.rest ?? text,
  };
}
