import fc from 'fast-check';
import { isSpreadsheetInputError } from '../input/spreadsheet-input.error';
import { proposePlanRows } from '../proposal/propose-plan-rows';
import { buildWorkbook, toCsv, type CellInput } from '../testing/plan-workbooks';
import { readPlanSheet } from './read-plan-sheet';

const context = {
  findings: [{ findingId: 'f-1', text: 'Improve supervision.', category: 'recommendation' as const }],
  users: [{ userId: 'u-1', name: 'Jane Smith', email: 'jane@example.org' }],
};

const headers = fc.constantFrom(
  'Action',
  'Actions to be taken',
  'Lead officer',
  'By when',
  'RAG',
  'Status',
  'Update',
  'Recommendation',
  'Original date',
  'Completed on',
  'Notes',
  'Whatever',
  '',
);
const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    '31/03/2012',
    '03/31/2012',
    'Mar-12',
    'Q1 2013',
    'Complete',
    'Blue',
    'R',
    'TBC',
    'Jane Smith',
    'jane@example.org',
    '=1+1',
    '"quoted, text"',
    '\n\n',
  ),
);
const cell: fc.Arbitrary<CellInput> = fc.oneof(
  text,
  fc.double({ noNaN: true, min: -1e9, max: 1e9 }),
  fc.integer({ min: 20000, max: 80000 }),
  fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
  fc.constant(null),
  fc.record({
    fill: fc.integer({ min: 0, max: 0xffffff }).map((rgb) => rgb.toString(16).padStart(6, '0').toUpperCase()),
    text: fc.option(text, { nil: undefined }),
  }),
);
const sheet = fc.record({
  titles: fc.array(fc.string({ maxLength: 20 }), { maxLength: 2 }),
  header: fc.array(headers, { minLength: 1, maxLength: 8 }),
  rows: fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 25 }),
});

/** Whatever the rows hold, the importer answers with a proposal or a reason for the person, never a crash. */
async function importNeverThrows(bytes: Buffer): Promise<void> {
  try {
    const { grid, columns } = await readPlanSheet(bytes);
    const rows = proposePlanRows(grid, columns, context);
    expect(rows.every((row) => grid.rows.some((gridRow) => gridRow.rowNumber === row.rowNumber))).toBe(true);
  } catch (error) {
    if (!isSpreadsheetInputError(error)) throw error;
  }
}

describe('the importer, given any rows', () => {
  it('never throws on a workbook', async () => {
    await fc.assert(
      fc.asyncProperty(sheet, async (input) =>
        importNeverThrows(await buildWorkbook([{ name: 'Plan', ...input }])),
      ),
      { numRuns: 60 },
    );
  });

  it('never throws on a CSV, nor on arbitrary bytes', async () => {
    const csvCell = fc.oneof(text, fc.integer().map(String));
    await fc.assert(
      fc.asyncProperty(
        fc.array(headers, { minLength: 1 }),
        fc.array(fc.array(csvCell, { maxLength: 9 }), { maxLength: 30 }),
        async (header, rows) => importNeverThrows(toCsv([header, ...rows])),
      ),
      { numRuns: 150 },
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) =>
        importNeverThrows(Buffer.from(bytes)),
      ),
      { numRuns: 150 },
    );
  });
});
