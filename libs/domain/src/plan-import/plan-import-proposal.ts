import type { CalendarDate } from '../shared/calendar-date';
import type { FindingCategory, Timescale } from '../shared/vocabulary';
import type { InspectionDetails } from '../inspection/inspection.events';
import type { ColumnMapping } from './plan-sheet';

export const PLAN_ROW_STATUSES = ['not_started', 'in_progress', 'complete', 'verified', 'withdrawn'] as const;
export type PlanRowStatus = (typeof PLAN_ROW_STATUSES)[number];

export type RagRating = 'red' | 'amber' | 'green' | 'blue';

/** A field of a row that a reading problem is about; correcting the field settles the problem. */
export type PlanRowField =
  'finding' | 'action' | 'owner' | 'dueDate' | 'originalDueDate' | 'status' | 'completedOn' | 'verifiedOn';

export interface ReadingProblem {
  field: PlanRowField;
  message: string;
}

/** One row of the sheet as it is proposed to be recorded. */
export interface ProposedPlanRow {
  rowNumber: number;
  excluded: boolean;
  /** An existing finding of the inspection (`findingId`), or a new one raised from the text. */
  finding: { findingId: string | null; text: string; category: FindingCategory; timescale: Timescale };
  action: string;
  description: string | null;
  /** The sheet's words, and the user they were matched to (or that the lead chose). */
  owner: { text: string | null; userId: string | null; matchedBy: 'email' | 'name' | 'lead' | null };
  dueDate: CalendarDate | null;
  /** Where the sheet has an original date and a revised one: assigned on the original, then rescheduled. */
  originalDueDate: CalendarDate | null;
  status: PlanRowStatus;
  rag: RagRating | null;
  completedOn: CalendarDate | null;
  verifiedOn: CalendarDate | null;
  notes: string[];
  /** What the reader could not settle (an ambiguous date, an owner matching nobody); the lead settles it. */
  readingProblems: ReadingProblem[];
  /** What the lead should know but need not change (a month read as its last day, a RAG read from colour). */
  remarks: string[];
}

export type PlanImportTarget = { inspectionId: string } | { newInspection: InspectionDetails };

export interface PlanImportProposal {
  target: PlanImportTarget;
  columns: ColumnMapping;
  rows: ProposedPlanRow[];
}

/** A lead's correction of one row, by its row number; absent fields are left as they are. */
export interface PlanRowCorrection {
  rowNumber: number;
  excluded?: boolean;
  findingId?: string | null;
  findingText?: string;
  category?: FindingCategory;
  timescale?: Timescale;
  action?: string;
  description?: string | null;
  ownerId?: string | null;
  dueDate?: CalendarDate | null;
  originalDueDate?: CalendarDate | null;
  status?: PlanRowStatus;
  completedOn?: CalendarDate | null;
  verifiedOn?: CalendarDate | null;
  notes?: string[];
}

/** Everything that stops one included row from being recorded, each a sentence; empty when it can be. */
export function planRowProblems(row: ProposedPlanRow): string[] {
  if (row.excluded) return [];
  const problems = row.readingProblems.map((problem) => problem.message);
  if (!row.action.trim()) problems.push('there is no action');
  if (!row.finding.findingId && !row.finding.text.trim()) problems.push('it answers no finding: give one');
  const done = row.status === 'complete' || row.status === 'verified';
  const unowned = !row.owner.userId && !row.readingProblems.some((problem) => problem.field === 'owner');
  if (unowned && done) problems.push('it is marked complete but has no owner');
  else if (unowned && row.notes.length > 0) problems.push('it has progress notes but no owner');
  else if (unowned && row.dueDate) problems.push('it has a due date but no owner');
  return problems;
}

/** Each included row that cannot be recorded, named by its row number with what is wrong. */
export function planImportProblems(proposal: PlanImportProposal): string[] {
  const problems = proposal.rows.flatMap((row) => {
    const wrong = planRowProblems(row);
    return wrong.length > 0 ? [`row ${row.rowNumber}: ${wrong.join(', ')}`] : [];
  });
  if (!proposal.rows.some((row) => !row.excluded)) problems.push('every row is excluded');
  return problems;
}

/** Rows with the same new finding text share one new finding. */
export function newFindingKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}
