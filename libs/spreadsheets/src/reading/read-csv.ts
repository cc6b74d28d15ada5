import { parse } from 'csv-parse/sync';
import type { SheetRow } from '@actionledger/domain';
import { SpreadsheetInputError } from '../input/spreadsheet-input.error';
import type { RawSheet } from './sheet-cells';

/** UTF-8 where it is; otherwise Windows-1252, which is what Excel on Windows saves a "CSV" in. */
function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The delimiter of the header-looking first lines: commas, semicolons (a European Excel) or tabs. */
function delimiterOf(text: string): string {
  const head = text.split(/\r?\n/, 20).join('\n');
  const counts = [',', ';', '\t'].map((delimiter) => ({ delimiter, count: head.split(delimiter).length }));
  return counts.sort((a, b) => b.count - a.count)[0].delimiter;
}

/** A CSV file as one sheet; its row numbers are its records' numbers, as a spreadsheet shows them. */
export function readCsv(bytes: Uint8Array): RawSheet {
  const text = decode(bytes).replace(/^\uFEFF/, '');
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      trim: false,
    }) as string[][];
  } catch (error) {
    throw new SpreadsheetInputError(
      'not_a_spreadsheet',
      `This file is not a readable CSV (${(error as Error).message.split('\n')[0]}).`,
    );
  }
  const rows: SheetRow[] = records.map((record, index) => ({
    rowNumber: index + 1,
    cells: record.map((text) => (text.trim() === '' ? null : { text })),
  }));
  return { name: null, rows };
}
