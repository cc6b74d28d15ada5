import ExcelJS from 'exceljs';
import type { SheetCell, SheetRow } from '@actionledger/domain';
import { MAX_PLAN_ROWS, HEADER_SEARCH_ROWS } from '../input/limits';
import { SpreadsheetInputError } from '../input/spreadsheet-input.error';
import { tooManyRows } from './too-many-rows';
import type { RawSheet } from './sheet-cells';

const pad = (n: number) => String(n).padStart(2, '0');

function ukDay(date: Date): string {
  return `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
}

/** The value under a formula, a hyperlink or rich text: what the sheet shows. */
function plainValue(value: ExcelJS.CellValue): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value !== 'object') return value;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : plainValue(value.text);
  if ('result' in value) return plainValue(value.result as ExcelJS.CellValue);
  if ('error' in value) return null;
  if ('formula' in value || 'sharedFormula' in value) return null;
  return null;
}

/**
 * The default Office theme's colours, by theme index: a fill picked from the palette's theme row ("Green, Accent
 * 6") is stored as an index, not a colour. Tints are left aside: a lighter green is still green.
 */
const OFFICE_THEME = [
  'FFFFFF',
  '000000',
  'E7E6E6',
  '44546A',
  '4472C4',
  'ED7D31',
  'A5A5A5',
  'FFC000',
  '5B9BD5',
  '70AD47',
];

function solidFill(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.fill;
  if (fill?.type !== 'pattern' || fill.pattern !== 'solid') return undefined;
  const { argb, theme } = (fill.fgColor ?? {}) as { argb?: string; theme?: number };
  if (argb && /^[0-9A-F]{8}$/i.test(argb)) return argb.slice(2).toUpperCase();
  return theme === undefined ? undefined : OFFICE_THEME[theme];
}

function toSheetCell(cell: ExcelJS.Cell): SheetCell | null {
  const value = plainValue(cell.value);
  const colour = solidFill(cell);
  const extra = colour ? { colour } : {};
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return { text: ukDay(value), date: value.toISOString().slice(0, 10), ...extra };
  }
  if (typeof value === 'number') return { text: String(value), number: value, ...extra };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', ...extra };
  const text = value ?? '';
  if (text.trim() === '' && !colour) return null;
  return { text, ...extra };
}

function readWorksheet(sheet: ExcelJS.Worksheet): RawSheet {
  const rows: SheetRow[] = [];
  let dataRows = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: (SheetCell | null)[] = [];
    // Empty cells too: a RAG column may hold only colours.
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = toSheetCell(cell);
    });
    for (let index = 0; index < cells.length; index++) cells[index] ??= null;
    if (cells.every((cell) => cell === null)) return;
    rows.push({ rowNumber, cells });
    dataRows += 1;
  });
  // A sheet far longer than any plan is refused whole, rather than carried through every later step.
  if (dataRows > MAX_PLAN_ROWS + HEADER_SEARCH_ROWS) throw tooManyRows(dataRows);
  return { name: sheet.name, rows };
}

/** Every worksheet of a workbook (chart sheets and hidden sheets aside). */
export async function readXlsx(bytes: Uint8Array): Promise<RawSheet[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new SpreadsheetInputError(
      'not_a_spreadsheet',
      'This file is a ZIP archive but not an Excel workbook that can be read (.xlsx).',
    );
  }
  return workbook.worksheets.filter((sheet) => sheet.state !== 'hidden').map(readWorksheet);
}
