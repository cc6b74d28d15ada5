import type { ActionTaken } from '../letter.types';
import { isHeading, isInCapitals, isParagraph, isTopLevelNumber } from './block-roles';
import { categoriesNamedIn } from './category.vocabulary';
import { datesMentioned } from './date-expressions';
import { introducesList, isActionsHeading, isActionsLabel, isClosingRemark } from './section-cue.vocabulary';
import type { Block } from './text-blocks';

export interface LocatedAction {
  action: ActionTaken;
  block: Block;
}

/** The longest an area's heading is taken to be; a longer numbered paragraph is narrative. */
const MAX_AREA_WORDS = 25;

/** Whether the block opens a committee report's section on the actions taken since the inspection. */
export function opensActionsSection(block: Block): boolean {
  return (isHeading(block) || isTopLevelNumber(block.number)) && isActionsHeading(block.text);
}

/**
 * Reads the section opened at `blocks[start]`: each area heading ("5.1 Variable quality of assessments"),
 * then the actions listed under it, each dated from its own text. Days written without a year are dated
 * after `notBefore` (the end of the inspection: the actions came after it). Returns where the section ends.
 */
export function readActionsSection(
  blocks: Block[],
  start: number,
  notBefore: string | null,
): { actions: LocatedAction[]; end: number } {
  const sectionNumber = blocks[start].number?.split('.')[0] ?? null;
  let actions: LocatedAction[] = [];
  let area: string | null = null;
  let index = start + 1;
  for (; index < blocks.length; index++) {
    const block = blocks[index];
    if (endsSection(block, sectionNumber)) break;
    if (isActionsLabel(block.text) || isLeadIn(block)) continue;
    if (isAreaHeading(block, sectionNumber)) {
      // In a section set out area by area, a paragraph before the first area answers none: it introduces them.
      if (area === null) actions = actions.filter((earlier) => !isParagraph(earlier.block));
      area = block.text.replace(/\s*:$/, '');
      continue;
    }
    const action = { area: area ?? '', text: block.text, date: actionDate(block.text, notBefore) };
    actions.push({ action, block });
  }
  return { actions, end: index };
}

/** "Progress against each area is set out below.": a paragraph announcing the list, not an action in it. */
function isLeadIn(block: Block): boolean {
  return isParagraph(block) && introducesList(block.text);
}

function endsSection(block: Block, sectionNumber: string | null): boolean {
  if (isClosingRemark(block.text)) return true;
  if (sectionNumber !== null && block.number !== null && /^\d/.test(block.number)) {
    return block.number.split('.')[0] !== sectionNumber;
  }
  return sectionNumber === null && isHeading(block) && categoriesNamedIn(block.text).length > 0;
}

/**
 * A numbered section numbers its areas as subsections ("5.1 …"), or sets them as unnumbered headings over the
 * actions, as an unnumbered section does. An area's heading can run long, and then only capitals
 * ("TIMELINESS OF INITIAL ASSESSMENTS IN THE NORTH AND WEST LOCALITIES OF THE COUNTY") mark it as one.
 */
function isAreaHeading(block: Block, sectionNumber: string | null): boolean {
  if (block.text.split(/\s+/).length > MAX_AREA_WORDS) return false;
  if (block.markdownHeading || block.underlined) return true;
  if (sectionNumber !== null && block.number?.split('.').length === 2) return true;
  return block.kind === 'paragraph' && (isHeading(block) || isInCapitals(block.text));
}

/** The last date the action's text gives (the date it was done or is due). */
function actionDate(text: string, notBefore: string | null): string | null {
  const dates = datesMentioned(text, notBefore);
  return dates.length ? dates[dates.length - 1].value : null;
}
