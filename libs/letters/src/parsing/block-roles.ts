import { isShortHeading, type Block } from './text-blocks';

/**
 * What part a block plays in the layout, apart from what it says: a heading, or a numbered paragraph of a
 * council report ("3.4 The inspection also identified …").
 */

export function isHeading(block: Block): boolean {
  if (block.markdownHeading || block.underlined) return true;
  if (!isShortHeading(block.text) || /:$/.test(block.text)) return false;
  if (block.kind === 'paragraph') return true;
  // A numbered line is a heading when it reads like a title ("4. Areas for Development", "6. NEXT STEPS").
  return isTopLevelNumber(block.number) && isTitle(block.text);
}

/** "3.4": a numbered paragraph of a report, as opposed to "3." (a section) or a bullet. */
export function isReportParagraph(block: Block): boolean {
  return block.number !== null && /^\d+\.\d+/.test(block.number);
}

export function isTopLevelNumber(number: string | null): boolean {
  return number !== null && /^\d+$/.test(number);
}

function isTitle(text: string): boolean {
  if (/\?$/.test(text)) return true;
  const significant = text.split(/\s+/).filter((word) => word.length > 3);
  return significant.every((word) => /^[\p{Lu}\d]/u.test(word));
}
