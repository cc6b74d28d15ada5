import { PLAN_COLUMN_FIELDS, type ColumnMapping, type PlanColumnField } from '@actionledger/domain';
import { columnIndexOfLetter } from '../reading/sheet-cells';
import { normaliseHeader } from './recognise-header';

/** How a lead names a column: its letter ("C"), its header as the sheet has it ("Responsible"), or null for none. */
export type ColumnReference = string | null;

export const isPlanColumnField = (field: string): field is PlanColumnField =>
  (PLAN_COLUMN_FIELDS as readonly string[]).includes(field);

/** The column a reference names, or undefined when it names none of the sheet's. */
export function resolveColumn(reference: string, headers: readonly string[]): number | undefined {
  const wanted = normaliseHeader(reference);
  const byHeader = headers.findIndex((header) => normaliseHeader(header) === wanted && wanted !== '');
  if (byHeader >= 0) return byHeader;
  const byLetter = columnIndexOfLetter(reference.trim());
  return byLetter !== null && byLetter < Math.max(headers.length, 1) ? byLetter : undefined;
}

/**
 * The mapping with the lead's changes; each change that names no column of the sheet is returned as a problem
 * under its field.
 */
export function remapColumns(
  mapping: ColumnMapping,
  changes: Record<string, ColumnReference>,
  headers: readonly string[],
): { columns: ColumnMapping; problems: Record<string, string> } {
  const columns: ColumnMapping = { ...mapping };
  const problems: Record<string, string> = {};
  for (const [field, reference] of Object.entries(changes)) {
    if (!isPlanColumnField(field)) {
      problems[field] = `is not a column of a plan; the columns are ${PLAN_COLUMN_FIELDS.join(', ')}`;
      continue;
    }
    if (reference === null) {
      delete columns[field];
      continue;
    }
    const column = resolveColumn(reference, headers);
    if (column === undefined) problems[field] = `names no column of the sheet: "${reference}"`;
    else columns[field] = column;
  }
  if (columns.action === undefined && !problems.action)
    problems.action = 'a plan needs its column of actions';
  return { columns, problems };
}
