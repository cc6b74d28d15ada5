import ExcelJS from 'exceljs';

/** Workbooks as councils keep their plans, built in the test: the importer's realistic inputs. */

export type CellInput = string | number | Date | null | { fill: string; text?: string };

export interface SheetInput {
  name: string;
  /** Title rows above the header, each merged across the header's width. */
  titles?: string[];
  header: string[];
  rows: CellInput[][];
}

export async function buildWorkbook(sheets: SheetInput[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const input of sheets) {
    const sheet = workbook.addWorksheet(input.name);
    const width = input.header.length;
    let rowNumber = 1;
    for (const title of input.titles ?? []) {
      sheet.getCell(rowNumber, 1).value = title;
      if (width > 1) sheet.mergeCells(rowNumber, 1, rowNumber, width);
      rowNumber += 1;
    }
    input.header.forEach((header, index) => (sheet.getCell(rowNumber, index + 1).value = header));
    rowNumber += 1;
    for (const row of input.rows) {
      row.forEach((value, index) => {
        const cell = sheet.getCell(rowNumber, index + 1);
        if (value && typeof value === 'object' && !(value instanceof Date)) {
          cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${value.fill}` } };
          if (value.text !== undefined) cell.value = value.text;
        } else {
          cell.value = value;
          if (value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
        }
      });
      rowNumber += 1;
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const toCsv = (rows: (string | number)[][]): Buffer =>
  Buffer.from(
    rows.map((row) => row.map((value) => `"${String(value).replace(/"/g, '""')}"`).join(',')).join('\r\n'),
  );

export const RED = 'FF0000';
export const AMBER = 'FFC000';
export const GREEN = '00B050';
export const BLUE = '0070C0';
