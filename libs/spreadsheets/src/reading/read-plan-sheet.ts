import type { ColumnMapping, SheetGrid, SheetRow } from '@actionledger/domain';
import { fileKind, isEncryptedOfficeFile } from '../input/file-kind';
import { MAX_PLAN_ROWS, MAX_SHEET_BYTES } from '../input/limits';
import { SpreadsheetInputError } from '../input/spreadsheet-input.error';
import { recogniseHeader } from '../headers/recognise-header';
import { readCsv } from './read-csv';
import { readXlsx } from './read-xlsx';
import { cellText, isBlankRow, type RawSheet } from './sheet-cells';
import { tooManyRows } from './too-many-rows';

export interface PlanSheet {
  grid: SheetGrid;
  columns: ColumnMapping;
}

async function rawSheets(bytes: Uint8Array): Promise<{ format: SheetGrid['format']; sheets: RawSheet[] }> {
  if (bytes.length === 0) throw new SpreadsheetInputError('empty', 'The file is empty.');
  if (bytes.length > MAX_SHEET_BYTES) {
    throw new SpreadsheetInputError(
      'too_many_rows',
      `The file is larger than ${MAX_SHEET_BYTES / (1024 * 1024)} MB, more than any plan of ${MAX_PLAN_ROWS} rows.`,
    );
  }
  switch (fileKind(bytes)) {
    case 'xlsx':
      return { format: 'xlsx', sheets: await readXlsx(bytes) };
    case 'ole':
      if (isEncryptedOfficeFile(bytes)) {
        throw new SpreadsheetInputError(
          'password_protected',
          'This workbook is protected by a password, so it cannot be read: save a copy without the password.',
        );
      }
      throw new SpreadsheetInputError(
        'not_a_spreadsheet',
        'This is an Excel 97–2003 workbook (.xls); save it as .xlsx or .csv and import that.',
      );
    case 'text':
      return { format: 'csv', sheets: [readCsv(bytes)] };
    case 'binary':
      throw new SpreadsheetInputError(
        'not_a_spreadsheet',
        'This file is not a spreadsheet: send an Excel workbook (.xlsx) or a CSV file.',
      );
  }
}

/**
 * Reads a plan from an .xlsx or .csv file: the sheet whose header (below any title rows) names an action
 * column, that header's columns, and the rows under it that have anything in them. A workbook's other sheets
 * (notes, lists) are named and left. Everything wrong with the file is a `SpreadsheetInputError`.
 */
export async function readPlanSheet(bytes: Uint8Array): Promise<PlanSheet> {
  const { format, sheets } = await rawSheets(bytes);
  const found = sheets.flatMap((sheet) => {
    const header = recogniseHeader(sheet.rows);
    return header
      ? [{ sheet, header, rows: sheet.rows.slice(header.index + 1).filter((row) => !isBlankRow(row)) }]
      : [];
  });
  if (found.length === 0) {
    if (sheets.every((sheet) => sheet.rows.every(isBlankRow))) {
      throw new SpreadsheetInputError('empty', 'The sheet has nothing in it.');
    }
    throw new SpreadsheetInputError(
      'no_action_column',
      'No column of this sheet is recognisably the actions: give the column of actions a header such as "Action", "Actions to be taken" or "What we will do", in one of the first 30 rows.',
    );
  }
  const chosen = found.reduce((best, next) => (next.rows.length > best.rows.length ? next : best));
  if (chosen.rows.length > MAX_PLAN_ROWS) throw tooManyRows(chosen.rows.length);
  const headerRow: SheetRow = chosen.sheet.rows[chosen.header.index];
  return {
    grid: {
      format,
      sheetName: chosen.sheet.name,
      otherSheets: sheets
        .filter((sheet) => sheet !== chosen.sheet)
        .flatMap((sheet) => (sheet.name ? [sheet.name] : [])),
      headerRow: headerRow.rowNumber,
      headers: headerRow.cells.map((cell) => cellText(cell)),
      rows: chosen.rows,
    },
    columns: chosen.header.mapping,
  };
}
