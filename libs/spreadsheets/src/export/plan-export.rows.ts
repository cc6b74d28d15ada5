import type { ActionStatus, CalendarDate, FindingCategory, Timescale } from '@actionledger/domain';

/** One action of a plan, as it goes out to a spreadsheet. */
export interface PlanExportRow {
  reference: string;
  finding: string;
  category: FindingCategory;
  timescale: Timescale;
  action: string;
  description: string | null;
  ownerName: string | null;
  ownerEmail: string | null;
  dueDate: CalendarDate | null;
  status: ActionStatus;
  notes: string[];
  originalDueDate: CalendarDate | null;
  timesMoved: number;
  completedOn: CalendarDate | null;
  verifiedOn: CalendarDate | null;
}

/**
 * The columns, under headers the importer recognises, so that an exported plan imported again (into another
 * organisation, say) gives back the same plan.
 */
export const EXPORT_COLUMNS = [
  { header: 'Ref', width: 6 },
  { header: 'Finding', width: 50 },
  { header: 'Finding category', width: 20 },
  { header: 'Finding timescale', width: 16 },
  { header: 'Action', width: 50 },
  { header: 'Description', width: 30 },
  { header: 'Lead officer', width: 22 },
  { header: 'Lead officer email', width: 28 },
  { header: 'Due date', width: 12, date: true },
  { header: 'Status', width: 12 },
  { header: 'Progress notes', width: 50 },
  { header: 'Original due date', width: 12, date: true },
  { header: 'Times moved', width: 8 },
  { header: 'Completed on', width: 12, date: true },
  { header: 'Verified on', width: 12, date: true },
] as const;

const STATUS_WORDS: Record<ActionStatus, string> = {
  planned: 'Not started',
  assigned: 'In progress',
  completed: 'Complete',
  verified: 'Verified',
  withdrawn: 'Withdrawn',
};

const CATEGORY_WORDS: Record<FindingCategory, string> = {
  priority_action: 'Priority action',
  area_for_development: 'Area for development',
  recommendation: 'Recommendation',
  strength: 'Strength',
  meets_requirements: 'Meets requirements',
};

const TIMESCALE_WORDS: Record<Timescale, string> = {
  immediately: 'Immediately',
  within_3_months: 'Within 3 months',
  within_6_months: 'Within 6 months',
  none: 'None',
};

/** One row's cells, in the columns' order: dates stay dates, for the writer to format. */
export function exportCells(row: PlanExportRow): (string | number | CalendarDate | null)[] {
  return [
    row.reference,
    row.finding,
    CATEGORY_WORDS[row.category],
    TIMESCALE_WORDS[row.timescale],
    row.action,
    row.description,
    row.ownerName,
    row.ownerEmail,
    row.dueDate,
    STATUS_WORDS[row.status],
    // One note per paragraph, as the importer reads them.
    row.notes.join('\n\n') || null,
    row.originalDueDate,
    row.timesMoved,
    row.completedOn,
    row.verifiedOn,
  ];
}
