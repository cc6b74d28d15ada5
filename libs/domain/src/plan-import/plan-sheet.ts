import type { CalendarDate } from '../shared/calendar-date';

/**
 * One cell as the sheet had it: its text as shown, and what a spreadsheet knows beyond the text (a real date, a
 * number that may be an Excel serial date, a fill colour in a RAG column). Kept in the draft so that a corrected
 * column mapping is read again from the same cells, not from the file.
 */
export interface SheetCell {
  text: string;
  date?: CalendarDate;
  number?: number;
  /** The fill as RRGGBB, where the cell has a solid one. */
  colour?: string;
}

export interface SheetRow {
  /** The row's number as the spreadsheet shows it (1-based, counting title rows and blank rows). */
  rowNumber: number;
  cells: (SheetCell | null)[];
}

/** The sheet the plan was read from: its header and the rows below it. */
export interface SheetGrid {
  format: 'xlsx' | 'csv';
  sheetName: string | null;
  /** Sheets of the workbook that were not the plan (notes, lists), by name. */
  otherSheets: string[];
  headerRow: number;
  headers: string[];
  rows: SheetRow[];
}

/** What a column of a plan can hold. */
export const PLAN_COLUMN_FIELDS = [
  'reference',
  'finding',
  'category',
  'timescale',
  'action',
  'description',
  'owner',
  'ownerEmail',
  'dueDate',
  'originalDueDate',
  'status',
  'rag',
  'notes',
  'completedOn',
  'verifiedOn',
  'timesMoved',
] as const;
export type PlanColumnField = (typeof PLAN_COLUMN_FIELDS)[number];

/** Which column (0-based) each field was read from. */
export type ColumnMapping = Partial<Record<PlanColumnField, number>>;
