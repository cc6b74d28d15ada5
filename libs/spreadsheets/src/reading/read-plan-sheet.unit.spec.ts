import ExcelJS from 'exceljs';
import { proposePlanRows } from '../proposal/propose-plan-rows';
import { buildPasswordProtectedWorkbook } from '../testing/password-protected';
import { buildWorkbook, BLUE, GREEN, RED, toCsv } from '../testing/plan-workbooks';
import { readPlanSheet } from './read-plan-sheet';

const context = {
  findings: [
    {
      findingId: 'f-contacts',
      text: 'Ensure that all contacts are screened promptly by qualified social workers.',
      category: 'priority_action' as const,
    },
  ],
  users: [
    { userId: 'u-jane', name: 'Jane Smith', email: 'jane.smith@durham.gov.uk' },
    { userId: 'u-ravi', name: 'Ravi Patel', email: 'r.patel@durham.gov.uk' },
  ],
};

async function proposalOf(bytes: Buffer) {
  const { grid, columns } = await readPlanSheet(bytes);
  return { grid, columns, rows: proposePlanRows(grid, columns, context) };
}

describe('reading a council’s plan workbook', () => {
  it('reads under merged title rows, past blank rows, with Excel dates, serials, RAG colours and a notes sheet', async () => {
    const bytes = await buildWorkbook([
      {
        name: 'Notes',
        header: ['Note'],
        rows: [['Updated after the March board.'], ['Contact: performance team']],
      },
      {
        name: 'Improvement plan',
        titles: ['Durham County Council – Safeguarding Improvement Plan', 'Updated March 2012'],
        header: [
          'Ref',
          'Recommendation',
          'Actions to be taken',
          'Lead officer',
          'Target date',
          'RAG',
          'Update',
        ],
        rows: [
          [
            '1',
            'Ensure that all contacts are screened promptly by qualified social workers.',
            'Audit contacts',
            'Jane Smith',
            new Date(Date.UTC(2012, 2, 31)),
            { fill: GREEN },
            'Audit begun.\n\nHalf the sample done.',
          ],
          [],
          ['1b', null, 'Train screening staff', 'r.patel@durham.gov.uk', 40999, { fill: BLUE }, null],
          [
            '2',
            'Reduce agency staffing',
            'Recruit permanent managers',
            'Head of Service',
            'Mar-12',
            { fill: RED },
            null,
          ],
          ['3', 'Reduce agency staffing', 'Review pay', 'Ravi Patel', '03/31/2012', { fill: 'FFFFFF' }, null],
        ],
      },
    ]);
    const { grid, columns, rows } = await proposalOf(bytes);
    expect(grid).toMatchObject({
      format: 'xlsx',
      sheetName: 'Improvement plan',
      otherSheets: ['Notes'],
      headerRow: 3,
    });
    expect(columns).toEqual({ reference: 0, finding: 1, action: 2, owner: 3, dueDate: 4, rag: 5, notes: 6 });
    expect(rows.map((row) => row.rowNumber)).toEqual([4, 6, 7, 8]);
    expect(rows[0]).toMatchObject({
      finding: { findingId: 'f-contacts' },
      action: 'Audit contacts',
      owner: { userId: 'u-jane', matchedBy: 'name' },
      dueDate: '2012-03-31',
      rag: 'green',
      status: 'in_progress',
      notes: ['Audit begun.', 'Half the sample done.'],
      readingProblems: [],
    });
    // The finding carried down to the row that leaves it blank; a blue fill is done; a serial is a date.
    expect(rows[1]).toMatchObject({
      finding: { findingId: 'f-contacts' },
      owner: { userId: 'u-ravi', matchedBy: 'email' },
      dueDate: '2012-03-31',
      status: 'complete',
    });
    expect(rows[2]).toMatchObject({
      finding: { findingId: null, text: 'Reduce agency staffing' },
      dueDate: '2012-03-31',
      rag: 'red',
    });
    expect(rows[2].readingProblems).toEqual([
      {
        field: 'owner',
        message: 'the owner "Head of Service" matches no user of the organisation: choose one',
      },
    ]);
    expect(rows[2].remarks).toContain('the due date "Mar-12" is read as 2012-03-31, the month\'s last day');
    expect(rows[3]).toMatchObject({ dueDate: null, rag: null });
    expect(rows[3].readingProblems[0].message).toMatch(/due date "03\/31\/2012" is ambiguous/);
  });

  it('reads a CSV with other headers, semicolons, and finding headings between the rows', async () => {
    const csv = Buffer.from(
      [
        'Improvement plan;;;;',
        'What we will do;Responsible;By when;Status;Comments',
        'Priority action 1: screening;;;;',
        'Screen every contact within a day;Jane Smith;31.03.12;Complete;Done in March',
        'Report weekly to the board;jane.smith@durham.gov.uk;April 2012;In progress;',
        ';;;;',
        'Area for development: supervision;;;;',
        'Audit supervision files;Patel, Ravi;30/06/2012;Not started;',
      ].join('\n'),
    );
    const { grid, rows } = await proposalOf(csv);
    expect(grid).toMatchObject({
      format: 'csv',
      headerRow: 2,
      headers: ['What we will do', 'Responsible', 'By when', 'Status', 'Comments'],
    });
    expect(
      rows.map((row) => [
        row.rowNumber,
        row.finding.text,
        row.action,
        row.status,
        row.dueDate,
        row.owner.userId,
      ]),
    ).toEqual([
      [
        4,
        'Priority action 1: screening',
        'Screen every contact within a day',
        'complete',
        '2012-03-31',
        'u-jane',
      ],
      [
        5,
        'Priority action 1: screening',
        'Report weekly to the board',
        'in_progress',
        '2012-04-30',
        'u-jane',
      ],
      [
        8,
        'Area for development: supervision',
        'Audit supervision files',
        'not_started',
        '2012-06-30',
        'u-ravi',
      ],
    ]);
  });

  it('reads a RAG fill picked from the theme row of Excel’s palette', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Plan');
    sheet.addRow(['Action', 'RAG']);
    sheet.addRow(['Audit contacts']);
    sheet.getCell('B2').fill = { type: 'pattern', pattern: 'solid', fgColor: { theme: 9 } as ExcelJS.Color };
    sheet.addRow(['Train staff']);
    sheet.getCell('B3').fill = { type: 'pattern', pattern: 'solid', fgColor: { theme: 5 } as ExcelJS.Color };
    const { rows } = await proposalOf(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(rows.map((row) => row.rag)).toEqual(['green', 'amber']);
  });

  it('refuses, saying which, what is no plan', async () => {
    await expect(readPlanSheet(Buffer.from('%PDF-1.7\n\u0000\u0001binary'))).rejects.toMatchObject({
      reason: 'not_a_spreadsheet',
    });
    await expect(readPlanSheet(Buffer.alloc(0))).rejects.toMatchObject({ reason: 'empty' });
    await expect(
      readPlanSheet(
        toCsv([
          ['Name', 'Budget'],
          ['A', '1'],
        ]),
      ),
    ).rejects.toMatchObject({
      reason: 'no_action_column',
      message: expect.stringMatching(/recognisably the actions/),
    });
    const rows = Array.from({ length: 5001 }, (_, index) => [`Action ${index}`, 'Jane Smith']);
    await expect(readPlanSheet(toCsv([['Action', 'Owner'], ...rows]))).rejects.toMatchObject({
      reason: 'too_many_rows',
      message: expect.stringMatching(/5001 rows; an import takes at most 5,000/),
    });
  });

  it('refuses a password-protected workbook and an old .xls, each by name', async () => {
    const plan = [{ name: 'Plan', header: ['Action', 'Owner'], rows: [['Audit contacts', 'Jane Smith']] }];
    await expect(readPlanSheet(await buildPasswordProtectedWorkbook(plan, 'secret'))).rejects.toMatchObject({
      reason: 'password_protected',
      message: expect.stringMatching(/protected by a password/),
    });
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
      Buffer.from('Workbook', 'utf16le'),
    ]);
    await expect(readPlanSheet(ole)).rejects.toMatchObject({
      reason: 'not_a_spreadsheet',
      message: expect.stringMatching(/\.xls/),
    });
  });
});
