import { remapColumns } from '../headers/column-reference';
import { proposePlanRows } from '../proposal/propose-plan-rows';
import { readPlanSheet } from '../reading/read-plan-sheet';
import type { PlanExportRow } from './plan-export.rows';
import { writePlanCsv, writePlanWorkbook } from './write-plan-workbook';

const exported: PlanExportRow[] = [
  {
    reference: '1.1',
    finding: 'Improve supervision.',
    category: 'recommendation',
    timescale: 'within_6_months',
    action: 'Rewrite the policy',
    description: 'With the principal social worker',
    ownerName: 'Jane Smith',
    ownerEmail: 'jane@example.org',
    dueDate: '2027-04-30',
    status: 'completed',
    notes: ['Draft circulated.', 'Agreed at the board.'],
    originalDueDate: '2027-03-31',
    timesMoved: 1,
    completedOn: '2027-04-20',
    verifiedOn: null,
  },
];
const context = {
  findings: [],
  users: [{ userId: 'u-jane', name: 'Jane Smith', email: 'other@example.org' }],
};

describe('an exported plan, read by the importer', () => {
  it.each([
    ['xlsx', () => writePlanWorkbook('Durham: action plan', exported)],
    ['csv', async () => writePlanCsv(exported)],
  ])('gives back every field from %s', async (_, write) => {
    const { grid, columns } = await readPlanSheet(await write());
    const [row] = proposePlanRows(grid, columns, context);
    expect(row).toMatchObject({
      finding: {
        findingId: null,
        text: 'Improve supervision.',
        category: 'recommendation',
        timescale: 'within_6_months',
      },
      action: 'Rewrite the policy',
      description: 'With the principal social worker',
      owner: { userId: 'u-jane', matchedBy: 'name' },
      dueDate: '2027-04-30',
      originalDueDate: '2027-03-31',
      status: 'complete',
      completedOn: '2027-04-20',
      notes: ['Draft circulated.', 'Agreed at the board.'],
      readingProblems: [],
    });
  });
});

describe('mapping a column again', () => {
  const headers = ['Ref', 'Task', 'Person', 'When'];

  it('takes a column by its header or its letter, and none for null', () => {
    expect(
      remapColumns({ action: 1, reference: 0 }, { owner: 'person', dueDate: 'D', reference: null }, headers),
    ).toEqual({
      columns: { action: 1, owner: 2, dueDate: 3 },
      problems: {},
    });
  });

  it('names each change that names no column, no field, or leaves no actions', () => {
    expect(
      remapColumns({ action: 1 }, { owner: 'Nobody', colour: 'B', action: null }, headers).problems,
    ).toEqual({
      owner: 'names no column of the sheet: "Nobody"',
      colour: expect.stringMatching(/^is not a column of a plan/),
      action: 'a plan needs its column of actions',
    });
  });
});
