import type { SheetCell, SheetRow } from '@actionledger/domain';

/** A sheet as read, before its header is found: every row that has something in it. */
export interface RawSheet {
  name: string | null;
  rows: SheetRow[];
}

export const cellText = (cell: SheetCell | null | undefined): string => cell?.text.trim() ?? '';

export const isBlankRow = (row: SheetRow): boolean =>
  row.cells.every((cell) => !cell || (cellText(cell) === '' && !cell.colour));

/** Spreadsheet column letters: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

export function columnIndexOfLetter(letters: string): number | null {
  if (!/^[A-Z]{1,3}$/i.test(letters)) return null;
  return [...letters.toUpperCase()].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0) - 1;
}
