import { categoriesNamedIn, timescaleLabel } from './category.vocabulary';
import { introducesList, isClosingRemark } from './section-cue.vocabulary';
import type { Row } from './text-rows';

/** A paragraph or list item: rows joined up again, including a sentence that ran on over a page gap. */
export interface Block {
  kind: 'item' | 'paragraph';
  text: string;
  number: string | null;
  indent: number;
  markdownHeading: boolean;
  underlined: boolean;
  /** A line that stands on its own: a heading, a label, a line introducing a list. */
  standalone: boolean;
  /** What separates the block from the one before: nothing, a blank line, or a page gap. */
  gapBefore: Gap;
  start: number;
  end: number;
  line: number;
}

type Gap = 'none' | 'paragraph' | 'page';

const ENDS_SENTENCE = /[.!?:;]["'”’)\]]*$/;
/** Words a sentence does not end on: text that stops after one was cut off. */
const ENDS_MID_PHRASE =
  /(?:,|\b(?:the|a|an|of|to|in|on|at|by|for|from|with|and|or|but|that|which|who|is|are|was|were|be|been|has|have|had|not|their|its|this|these|those))$/i;

/**
 * Groups rows into blocks. A bullet or numbered row starts an item, following rows continue it; a blank
 * line (or page furniture) ends a block; a block cut off by a page gap is joined to the text that resumes
 * after the gap.
 */
export function buildBlocks(rows: Row[], furniture: boolean[]): Block[] {
  const blocks: Block[] = [];
  let open: Block | undefined;
  let blanks = 0;
  let furnitureInGap = false;
  const headingLines = findHeadingLines(rows, furniture);
  rows.forEach((row, index) => {
    if (row.blank || furniture[index]) {
      open = undefined;
      blanks += row.blank ? 1 : 0;
      furnitureInGap ||= furniture[index];
      return;
    }
    const gap: Gap = furnitureInGap || blanks >= 2 ? 'page' : blanks === 1 ? 'paragraph' : 'none';
    blanks = 0;
    furnitureInGap = false;
    const previous = blocks[blocks.length - 1];
    if (row.bullet || row.number !== null) {
      open = { ...startBlock(row, gap), standalone: standsAlone(row) };
      blocks.push(open);
    } else if (open && continues(open, row)) {
      extend(open, row);
    } else if (standsAlone(row) || headingLines.has(index)) {
      open = { ...startBlock(row, gap), standalone: true };
      blocks.push(open);
    } else if (open && startsClosingRemark(open, row)) {
      open = startBlock(row, gap);
      blocks.push(open);
    } else if (open && !open.standalone) {
      extend(open, row);
    } else if (gap !== 'none' && previous && runsOnInto(previous, row)) {
      extend(previous, row);
      open = previous;
    } else {
      open = startBlock(row, gap);
      blocks.push(open);
    }
  });
  return rejoinItemsSplitByPageGap(blocks);
}

/**
 * A list item that ends with a full stop at the foot of a page, and a plain paragraph at the top of the next
 * that runs straight into the next item of the list, are one item: the page broke it between sentences.
 */
function rejoinItemsSplitByPageGap(blocks: Block[]): Block[] {
  return blocks.filter((block, index) => {
    const [before, after] = [blocks[index - 1], blocks[index + 1]];
    const splitOff =
      block.kind === 'paragraph' &&
      !block.standalone &&
      block.gapBefore === 'page' &&
      before?.kind === 'item' &&
      !before.standalone &&
      after?.kind === 'item' &&
      after.gapBefore === 'none' &&
      after.indent === before.indent;
    if (splitOff) extend(before, block);
    return !splitOff;
  });
}

/** The most words a heading set on a line of its own is taken to have. */
const MAX_HEADING_WORDS = 12;
/** How much of a full line a heading may fill: a heading is short beside the running text around it. */
const HEADING_SHARE_OF_LINE = 0.8;

/**
 * Headings printed with no blank line around them (text extracted without paragraph spacing): a short line,
 * unpunctuated, starting with a capital, between a line that ends a sentence (or nothing) and one that starts
 * with a capital or a bullet, where full lines of running text are much longer.
 */
function findHeadingLines(rows: Row[], furniture: boolean[]): Set<number> {
  const lengths = rows
    .filter((row, index) => !row.blank && !furniture[index])
    .map((row) => row.text.length)
    .sort((a, b) => a - b);
  const fullLine = lengths[Math.floor(lengths.length * 0.75)] ?? 0;
  const found = new Set<number>();
  const neighbour = (index: number, step: 1 | -1): Row | null => {
    for (let at = index + step; at >= 0 && at < rows.length; at += step) {
      if (rows[at].blank) return null;
      if (!furniture[at]) return rows[at];
    }
    return null;
  };
  rows.forEach((row, index) => {
    if (row.blank || furniture[index] || row.bullet || row.number !== null) return;
    const text = row.text;
    if (text.split(/\s+/).length > MAX_HEADING_WORDS || text.length > fullLine * HEADING_SHARE_OF_LINE)
      return;
    if (!/^\p{Lu}/u.test(text) || /[.,;]$/.test(text) || ENDS_MID_PHRASE.test(text)) return;
    const [before, after] = [neighbour(index, -1), neighbour(index, 1)];
    // A very short heading ("Findings") may follow an item that has no full stop.
    const afterSentence =
      before === null ||
      ENDS_SENTENCE.test(before.text) ||
      /^dear\b/i.test(before.text) ||
      (text.split(/\s+/).length <= 3 &&
        /^[\p{L}\s]+$/u.test(text) &&
        // An item ends on a word, or on its closing tag ("(enabler 2, national framework)").
        /[\p{L})]$/u.test(before.text) &&
        closesAnItem(rows, index) &&
        !ENDS_MID_PHRASE.test(before.text));
    const beforeNew = after === null || after.bullet || after.number !== null || /^\p{Lu}/u.test(after.text);
    if (afterSentence && beforeNew && (before !== null || after !== null)) found.add(index);
  });
  return found;
}

/** Whether the lines just above (up to a blank line) are a list item's. */
function closesAnItem(rows: Row[], index: number): boolean {
  for (let at = index - 1; at >= 0 && !rows[at].blank; at--) if (rows[at].bullet) return true;
  return false;
}

/** Headings, labels and lead-ins that name a category start their own block even without a blank line. */
function standsAlone(row: Row): boolean {
  if (row.markdownHeading || row.underlined) return true;
  if (/:$/.test(row.text)) return !inOpenBracket(row.text);
  if (timescaleLabel(row.text) !== null) return true;
  const namesCategory = categoriesNamedIn(row.text).length > 0;
  // "What needs to improve in this area of social work practice" runs to eleven words.
  const headingLength =
    /^what\b/i.test(row.text) &&
    row.text.split(/\s+/).length <= MAX_HEADING_WORDS &&
    !/[.,;]$/.test(row.text);
  return namesCategory && (isShortHeading(row.text) || headingLength || introducesList(row.text));
}

/**
 * The next line of a block even if it would stand alone: the rest of a wrapped sentence ("… in the" /
 * "following areas:"), or more of an underlined heading.
 */
function continues(open: Block, row: Row): boolean {
  if (open.underlined && row.underlined) return true;
  // "… practice (enabler:" / "leaders drive conditions …)": a tag broken inside its brackets.
  const endsOpen = !ENDS_SENTENCE.test(open.text) || inOpenBracket(open.text);
  // A bracketed tag on the next line ("(National Framework, Outcome 1)") belongs to the item above it.
  if (open.kind === 'item' && /^\([^()]*\)?[.;]?$/.test(row.text)) return true;
  return endsOpen && /^\p{Ll}/u.test(row.text);
}

/**
 * "Ofsted will take the findings … into account when planning your next inspection" or "Yours sincerely"
 * on the line after a list's last sentence: the letter's close, not more of the item, blank line or none.
 */
function startsClosingRemark(open: Block, row: Row): boolean {
  return ENDS_SENTENCE.test(open.text) && /^\p{Lu}/u.test(row.text) && isClosingRemark(row.text);
}

function inOpenBracket(text: string): boolean {
  return (text.match(/\(/g)?.length ?? 0) > (text.match(/\)/g)?.length ?? 0);
}

/** A line short enough, and unpunctuated enough, to be a heading rather than a sentence. */
export function isShortHeading(text: string): boolean {
  return text.split(/\s+/).length <= 10 && !/[.,;]$/.test(text) && /^[\p{Lu}\d]/u.test(text);
}

function startBlock(row: Row, gapBefore: Gap): Block {
  return {
    kind: row.bullet || row.number !== null ? 'item' : 'paragraph',
    text: row.text,
    number: row.number,
    indent: row.indent,
    markdownHeading: row.markdownHeading,
    underlined: row.underlined,
    standalone: false,
    gapBefore,
    start: row.start,
    end: row.end,
    line: row.line,
  };
}

function extend(block: Block, row: Pick<Row, 'text' | 'end'>): void {
  // A word hyphenated at the end of a line ("up-to-" / "date") is joined without a space.
  const separator = /\p{L}-$/u.test(block.text) ? '' : ' ';
  block.text = `${block.text}${separator}${row.text}`;
  block.end = row.end;
}

/** Whether text after a gap carries on a block the gap interrupted mid-sentence. */
function runsOnInto(previous: Block, row: Row): boolean {
  if (previous.standalone || ENDS_SENTENCE.test(previous.text)) return false;
  return /^\p{Ll}/u.test(row.text) || ENDS_MID_PHRASE.test(previous.text);
}
