import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { EXPORT_COLUMNS, exportCells, type PlanExportRow } from './plan-export.rows';

const ukDate = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/** The plan as an Excel workbook: a title row, the header, one row per action, real date cells. */
export async function writePlanWorkbook(title: string, rows: readonly PlanExportRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Action plan');
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, EXPORT_COLUMNS.length);
  const header = sheet.getRow(3);
  EXPORT_COLUMNS.forEach((column, index) => {
    header.getCell(index + 1).value = column.header;
    sheet.getColumn(index + 1).width = column.width;
  });
  header.font = { bold: true };
  rows.forEach((row, at) => {
    const sheetRow = sheet.getRow(4 + at);
    exportCells(row).forEach((value, index) => {
      const cell = sheetRow.getCell(index + 1);
      if (value === null) return;
      if ('date' in EXPORT_COLUMNS[index] && typeof value === 'string') {
        cell.value = new Date(`${value}T00:00:00.000Z`);
        cell.numFmt = 'dd/mm/yyyy';
      } else {
        cell.value = value;
      }
      cell.alignment = { wrapText: true, vertical: 'top' };
    });
  });
  sheet.views = [{ state: 'frozen', ySplit: 3 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The same plan as CSV (UTF-8 with a byte-order mark, which Excel needs to read it as UTF-8). */
export function writePlanCsv(rows: readonly PlanExportRow[]): Buffer {
  const records = rows.map((row) =>
    exportCells(row).map((value, index) =>
      value === null
        ? ''
        : 'date' in EXPORT_COLUMNS[index] && typeof value === 'string'
          ? ukDate(value)
          : value,
    ),
  );
  const text = stringify([EXPORT_COLUMNS.map((column) => column.header), ...records]);
  return Buffer.concat([Buffer.from('\uFEFF'), Buffer.from(text)]);
}
