import { isShortHeading, type Block } from './text-blocks';

/**
 * What part a block plays in the layout, apart from what it says: a heading, or a numbered paragraph of a
 * council report ("3.4 The inspection also identified …").
 */

export function isHeading(block: Block): boolean {
  if (block.markdownHeading || block.underlined) return true;
  if (isJudgementHeading(block.text)) return true;
  if (/:$/.test(block.text)) return false;
  // A line set apart as a heading in the layout can run a little longer than a heading read from words alone.
  if (block.kind === 'paragraph' && block.standalone && isSetApartHeading(block.text)) return true;
  if (!isShortHeading(block.text)) return false;
  if (block.kind === 'paragraph') return true;
  // A report numbers its subsections like its paragraphs, so a short unpunctuated "3.2 Timeliness of initial
  // assessments" is a subsection's title. A top-level number also numbers plain lists ("1. Ensure that …"),
  // so there the line must read like a title ("4. Areas for Development", "6. NEXT STEPS").
  if (isReportParagraph(block)) return true;
  return isTopLevelNumber(block.number) && isTitle(block.text);
}

/** "The experiences and progress of children in care: good": a report's section, headed with its grade. */
function isJudgementHeading(text: string): boolean {
  return (
    text.split(/\s+/).length <= 24 &&
    /^\p{Lu}/u.test(text) &&
    /:\s*(?:outstanding|good|adequate|inadequate|requires improvement(?: to be good)?)$/i.test(text)
  );
}

function isSetApartHeading(text: string): boolean {
  return text.split(/\s+/).length <= 12 && !/[.,;]$/.test(text) && /^[\p{Lu}\d]/u.test(text);
}

/** "3.4": a numbered paragraph of a report, as opposed to "3." (a section) or a bullet. */
export function isReportParagraph(block: Block): boolean {
  return block.number !== null && /^\d+\.\d+/.test(block.number);
}

/** Running text, plain or numbered as a report numbers it, as opposed to an item of a list. */
export function isParagraph(block: Block): boolean {
  return block.kind === 'paragraph' || isReportParagraph(block);
}

export function isTopLevelNumber(number: string | null): boolean {
  return number !== null && /^\d+$/.test(number);
}

/** A line set all in capitals, as a title is, and not a sentence: "SUPERVISION AND MANAGEMENT OVERSIGHT". */
export function isInCapitals(text: string): boolean {
  return /\p{Lu}{2}/u.test(text) && !/\p{Ll}/u.test(text) && !/[.,;:]$/.test(text);
}

function isTitle(text: string): boolean {
  if (/\?$/.test(text)) return true;
  const significant = text.split(/\s+/).filter((word) => word.length > 3);
  return significant.every((word) => /^[\p{Lu}\d]/u.test(word));
}
