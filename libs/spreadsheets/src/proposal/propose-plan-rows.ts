import type {
  ColumnMapping,
  FindingCategory,
  PlanColumnField,
  PlanRowField,
  ProposedPlanRow,
  ReadingProblem,
  SheetCell,
  SheetGrid,
  SheetRow,
} from '@actionledger/domain';
import { matchFinding, type KnownFinding } from '../matching/finding-matching';
import { matchOwner, type KnownUser } from '../matching/owner-matching';
import { ragOfCell, rowStatus, statusOfText } from '../reading/row-status';
import { cellText } from '../reading/sheet-cells';
import { readUkDate } from '../reading/uk-date';
import { categoryOfText, timescaleOfText } from './vocabulary-cells';

/** What rows are matched against: the inspection's findings and the organisation's users. */
export interface MatchingContext {
  findings: readonly (KnownFinding & { category: FindingCategory })[];
  users: readonly KnownUser[];
}

/** The category of a finding a row raises when the sheet does not say. */
const DEFAULT_CATEGORY: FindingCategory = 'area_for_development';

function dateField(
  cell: SheetCell | null,
  field: PlanRowField,
  what: string,
  problems: ReadingProblem[],
  remarks: string[],
): string | null {
  const reading = readUkDate(cell);
  switch (reading.kind) {
    case 'blank':
      return null;
    case 'date':
      if (reading.precision === 'month')
        remarks.push(`the ${what} "${cellText(cell)}" is read as ${reading.date}, the month's last day`);
      return reading.date;
    case 'ambiguous':
      problems.push({
        field,
        message: `the ${what} "${reading.text}" is ambiguous (${reading.why}): give the date`,
      });
      return null;
    case 'unreadable':
      problems.push({ field, message: `the ${what} "${reading.text}" is not a date` });
      return null;
  }
}

/** A notes cell holds one note per paragraph. */
export function notesOfText(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((note) => note.trim())
    .filter((note) => note !== '');
}

const FINDING_HEADING =
  /^(priority actions?|areas? for (development|improvement)|recommendations?|findings?|ofsted (finding|recommendation)s?)\b/i;

/**
 * A row that names only a finding heads the rows under it: its text in the finding column, or merged across
 * the sheet, or (in a sheet with no finding column) worded as a finding ("Priority action 1: …").
 */
function findingHeading(row: SheetRow, columns: ColumnMapping): string | null {
  const filled = row.cells.map(cellText).filter((text) => text !== '');
  const texts = [...new Set(filled)];
  if (texts.length !== 1) return null;
  const inFindingColumn = columns.finding !== undefined && cellText(row.cells[columns.finding]) === texts[0];
  const merged = filled.length > 1;
  return inFindingColumn || merged || FINDING_HEADING.test(texts[0]) ? texts[0] : null;
}

function proposeRow(
  row: SheetRow,
  columns: ColumnMapping,
  findingText: string,
  context: MatchingContext,
): ProposedPlanRow {
  const cell = (field: PlanColumnField): SheetCell | null =>
    columns[field] === undefined ? null : (row.cells[columns[field]!] ?? null);
  const text = (field: PlanColumnField) => cellText(cell(field));
  const problems: ReadingProblem[] = [];
  const remarks: string[] = [];

  const findingId = matchFinding(findingText, context.findings);
  const matched = context.findings.find((finding) => finding.findingId === findingId);
  const category = categoryOfText(text('category')) ?? matched?.category ?? DEFAULT_CATEGORY;
  const timescale = timescaleOfText(text('timescale')) ?? 'none';
  if (!findingId && findingText)
    remarks.push('its finding matches none of the inspection’s: a new finding is raised');

  const ownerText = text('owner') || null;
  const emailText = text('ownerEmail');
  const owner = ownerText || emailText ? matchOwner(ownerText ?? '', emailText, context.users) : null;
  if ((ownerText || emailText) && !owner) {
    problems.push({
      field: 'owner',
      message: `the owner "${ownerText ?? emailText}" matches no user of the organisation: choose one`,
    });
  }

  const dueDate = dateField(cell('dueDate'), 'dueDate', 'due date', problems, remarks);
  const originalDueDate = dateField(
    cell('originalDueDate'),
    'originalDueDate',
    'original due date',
    problems,
    remarks,
  );
  const completedOn = dateField(cell('completedOn'), 'completedOn', 'completion date', problems, remarks);
  const verifiedOn = dateField(cell('verifiedOn'), 'verifiedOn', 'verification date', problems, remarks);

  const { rag, fromColour } = ragOfCell(cell('rag'));
  if (fromColour) remarks.push(`the RAG rating is read from the cell's colour: ${rag}`);
  let status = rowStatus(cell('status'), rag);
  if (text('status') && !statusOfText(text('status'))) {
    remarks.push(`the status "${text('status')}" is not one the reader knows`);
  }
  if (!status && verifiedOn) status = 'verified';
  if (!status && completedOn) status = 'complete';
  status ??= owner ? 'in_progress' : 'not_started';
  if (status === 'verified')
    remarks.push('verified in the sheet: recorded as verified by the lead who confirms the import');
  const excluded = status === 'withdrawn';
  if (excluded) remarks.push('withdrawn in the sheet: excluded');
  const timesMoved = Number(text('timesMoved'));
  if (timesMoved > 1)
    remarks.push(`moved ${timesMoved} times in the sheet: recorded as one move from its original date`);

  return {
    rowNumber: row.rowNumber,
    excluded,
    finding: { findingId, text: matched?.text ?? findingText, category, timescale },
    action: text('action'),
    description: text('description') || null,
    owner: {
      text: ownerText ?? (emailText || null),
      userId: owner?.userId ?? null,
      matchedBy: owner?.by ?? null,
    },
    dueDate,
    originalDueDate: originalDueDate && originalDueDate !== dueDate ? originalDueDate : null,
    status,
    rag,
    completedOn,
    verifiedOn,
    notes: notesOfText(cell('notes')?.text ?? ''),
    readingProblems: problems,
    remarks,
  };
}

/**
 * Every data row as it is proposed to be recorded. A row with no action that names only a finding heads the
 * rows below it, as does a finding cell left blank under the one above (merged, or written once per group).
 */
export function proposePlanRows(
  grid: SheetGrid,
  columns: ColumnMapping,
  context: MatchingContext,
): ProposedPlanRow[] {
  const rows: ProposedPlanRow[] = [];
  let currentFinding = '';
  for (const row of grid.rows) {
    const heading = findingHeading(row, columns);
    if (heading !== null) {
      currentFinding = heading;
      continue;
    }
    const own = columns.finding === undefined ? '' : cellText(row.cells[columns.finding]);
    if (own !== '') currentFinding = own;
    rows.push(proposeRow(row, columns, currentFinding, context));
  }
  return rows;
}
