import { findPageFurniture } from './page-furniture';
import { buildBlocks, type Block } from './text-blocks';
import { readRows, type Row } from './text-rows';

/** The letter's text read into rows and blocks: what every later stage works from. */
export interface LetterLayout {
  text: string;
  /** Every line, page furniture included (metadata such as the address block lives there). */
  rows: Row[];
  /** The body: paragraphs and list items with page furniture taken out and page gaps closed up. */
  blocks: Block[];
}

export function layOutLetter(text: string): LetterLayout {
  const rows = readRows(text);
  return { text, rows, blocks: buildBlocks(rows, findPageFurniture(rows)) };
}
