import type { PlanImportDrafted } from '../plan-import/plan-import.events';
import type { ProposedPlanRow } from '../plan-import/plan-import-proposal';
import { at, organisationId } from './fixtures';

/** A row as the reader proposes it: an action on a new finding, owned, due, in progress. */
export const row = (rowNumber: number, changes: Partial<ProposedPlanRow> = {}): ProposedPlanRow => ({
  rowNumber,
  excluded: false,
  finding: {
    findingId: null,
    text: 'Improve supervision.',
    category: 'area_for_development',
    timescale: 'none',
  },
  action: `Action of row ${rowNumber}`,
  description: null,
  owner: { text: 'Jo Owner', userId: 'owner-1', matchedBy: 'name' },
  dueDate: '2026-06-30',
  originalDueDate: null,
  status: 'in_progress',
  rag: null,
  completedOn: null,
  verifiedOn: null,
  notes: [],
  readingProblems: [],
  remarks: [],
  ...changes,
});

export const drafted = (rows: ProposedPlanRow[]): PlanImportDrafted => ({
  type: 'PlanImportDrafted',
  data: {
    draftId: 'p-1',
    organisationId,
    fileName: 'plan.xlsx',
    digest: 'abc123',
    grid: { format: 'xlsx', sheetName: 'Plan', otherSheets: [], headerRow: 3, headers: [], rows: [] },
    proposal: { target: { inspectionId: 'i-1' }, columns: { action: 1 }, rows },
    draftedAt: at,
  },
});
