import { buildWorkbook, type SheetInput } from './plan-workbooks';

interface XlsxPopulate {
  fromDataAsync(data: Buffer): Promise<{ outputAsync(options: { password: string }): Promise<Buffer> }>;
}

/** A workbook as Excel saves it with "Encrypt with Password" (xlsx-populate writes the same agile encryption). */
export async function buildPasswordProtectedWorkbook(
  sheets: SheetInput[],
  password: string,
): Promise<Buffer> {
  // xlsx-populate ships no types; this is the one call the tests need of it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const populate = require('xlsx-populate') as XlsxPopulate;
  const workbook = await populate.fromDataAsync(await buildWorkbook(sheets));
  return Buffer.from(await workbook.outputAsync({ password }));
}
