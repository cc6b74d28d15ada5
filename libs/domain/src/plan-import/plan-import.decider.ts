import type { Decider, DomainCommand } from '../shared/decider';
import { DomainRuleViolation } from '../shared/domain-rule-violation';
import type { PlanImportConfirmed, PlanImportEvent, PlanImportSource } from './plan-import.events';
import {
  planImportProblems,
  type PlanImportProposal,
  type PlanRowCorrection,
  type PlanRowField,
  type ProposedPlanRow,
} from './plan-import-proposal';
import type { ColumnMapping, SheetGrid } from './plan-sheet';

export type DraftPlanImport = DomainCommand<
  'DraftPlanImport',
  PlanImportSource & {
    draftId: string;
    organisationId: string;
    grid: SheetGrid;
    proposal: PlanImportProposal;
  }
>;

/** `remapped`: the rows read again from the draft's cells with a corrected column mapping. */
export type EditPlanImport = DomainCommand<
  'EditPlanImport',
  {
    draftId: string;
    remapped?: { columns: ColumnMapping; rows: ProposedPlanRow[] };
    corrections?: PlanRowCorrection[];
  }
>;

export type ConfirmPlanImport = DomainCommand<
  'ConfirmPlanImport',
  Omit<PlanImportConfirmed['data'], 'confirmedAt'>
>;

export type PlanImportCommand = DraftPlanImport | EditPlanImport | ConfirmPlanImport;

export type PlanImportState =
  | { status: 'none' }
  | (Omit<DraftPlanImport['data'], never> & {
      status: 'draft' | 'confirmed';
      draftedAt: string;
      confirmation: Omit<PlanImportConfirmed['data'], 'draftId'> | null;
    });

/** How many of a draft's problems a refusal names; the draft itself lists every one. */
const NAMED_PROBLEMS = 20;

export const initialPlanImportState: PlanImportState = { status: 'none' };

function refuse(reason: string): never {
  throw new DomainRuleViolation(reason);
}

function openDraft(state: PlanImportState, doing: string): Exclude<PlanImportState, { status: 'none' }> {
  if (state.status === 'none') refuse('There is no such plan import.');
  if (state.status === 'confirmed') refuse(`This plan import has been confirmed; it cannot be ${doing}.`);
  return state;
}

/** The fields a correction changes, so that the reading problems about them are settled. */
function correctedFields(correction: PlanRowCorrection): Set<PlanRowField> {
  const fields = new Set<PlanRowField>();
  const given = (key: keyof PlanRowCorrection) => correction[key] !== undefined;
  if (given('findingId') || given('findingText')) fields.add('finding');
  if (given('action')) fields.add('action');
  if (given('ownerId')) fields.add('owner');
  if (given('dueDate')) fields.add('dueDate');
  if (given('originalDueDate')) fields.add('originalDueDate');
  if (given('status')) fields.add('status');
  if (given('completedOn')) fields.add('completedOn');
  if (given('verifiedOn')) fields.add('verifiedOn');
  return fields;
}

export function correctRow(row: ProposedPlanRow, correction: PlanRowCorrection): ProposedPlanRow {
  const settled = correctedFields(correction);
  const { findingId, findingText, category, timescale, ownerId } = correction;
  return {
    ...row,
    excluded: correction.excluded ?? row.excluded,
    finding: {
      findingId:
        findingId !== undefined ? findingId : findingText !== undefined ? null : row.finding.findingId,
      text: findingText ?? row.finding.text,
      category: category ?? row.finding.category,
      timescale: timescale ?? row.finding.timescale,
    },
    action: correction.action?.trim() ?? row.action,
    description: correction.description !== undefined ? correction.description : row.description,
    owner:
      ownerId !== undefined
        ? { ...row.owner, userId: ownerId, matchedBy: ownerId ? 'lead' : null }
        : row.owner,
    dueDate: correction.dueDate !== undefined ? correction.dueDate : row.dueDate,
    originalDueDate:
      correction.originalDueDate !== undefined ? correction.originalDueDate : row.originalDueDate,
    status: correction.status ?? row.status,
    completedOn: correction.completedOn !== undefined ? correction.completedOn : row.completedOn,
    verifiedOn: correction.verifiedOn !== undefined ? correction.verifiedOn : row.verifiedOn,
    notes: correction.notes ?? row.notes,
    readingProblems: row.readingProblems.filter((problem) => !settled.has(problem.field)),
  };
}

function applyCorrections(
  rows: ProposedPlanRow[],
  corrections: readonly PlanRowCorrection[],
): ProposedPlanRow[] {
  const byNumber = new Map(rows.map((row, index) => [row.rowNumber, index]));
  const unknown = corrections.filter((correction) => !byNumber.has(correction.rowNumber));
  if (unknown.length > 0) {
    refuse(`The sheet has no data row ${unknown.map((correction) => correction.rowNumber).join(', ')}.`);
  }
  const corrected = [...rows];
  for (const correction of corrections) {
    const index = byNumber.get(correction.rowNumber)!;
    corrected[index] = correctRow(corrected[index], correction);
  }
  return corrected;
}

export function decidePlanImport(command: PlanImportCommand, state: PlanImportState): PlanImportEvent[] {
  const at = command.metadata.now.toISOString();
  switch (command.type) {
    case 'DraftPlanImport':
      if (state.status !== 'none') refuse('This plan import already exists.');
      return [{ type: 'PlanImportDrafted', data: { ...command.data, draftedAt: at } }];
    case 'EditPlanImport': {
      const draft = openDraft(state, 'edited');
      const { remapped, corrections = [] } = command.data;
      if (!remapped && corrections.length === 0) refuse('This edit changes nothing on the plan import.');
      const base = remapped
        ? { ...draft.proposal, columns: remapped.columns, rows: remapped.rows }
        : draft.proposal;
      const proposal = { ...base, rows: applyCorrections(base.rows, corrections) };
      return [{ type: 'PlanImportEdited', data: { draftId: draft.draftId, proposal, editedAt: at } }];
    }
    case 'ConfirmPlanImport': {
      // Confirming twice is not an error: the second confirmation finds the first one's result.
      if (state.status === 'confirmed') return [];
      const draft = openDraft(state, 'confirmed');
      const problems = planImportProblems(draft.proposal);
      if (problems.length > 0) {
        const named = problems.slice(0, NAMED_PROBLEMS).join('; ');
        const more =
          problems.length > NAMED_PROBLEMS
            ? `; and ${problems.length - NAMED_PROBLEMS} more (the draft lists each)`
            : '';
        refuse(`This plan cannot be recorded yet; correct or exclude each row named: ${named}${more}.`);
      }
      return [{ type: 'PlanImportConfirmed', data: { ...command.data, confirmedAt: at } }];
    }
    default: {
      const unknownCommand: never = command;
      throw new Error(`Unknown plan import command ${JSON.stringify(unknownCommand)}`);
    }
  }
}

export function evolvePlanImport(state: PlanImportState, event: PlanImportEvent): PlanImportState {
  switch (event.type) {
    case 'PlanImportDrafted':
      return { status: 'draft', ...event.data, confirmation: null };
    case 'PlanImportEdited':
      return state.status === 'none' ? state : { ...state, proposal: event.data.proposal };
    case 'PlanImportConfirmed': {
      if (state.status === 'none') return state;
      const { draftId: _draftId, ...confirmation } = event.data;
      return { ...state, status: 'confirmed', confirmation };
    }
    default: {
      const unknownEvent: never = event;
      throw new Error(`Unknown plan import event ${JSON.stringify(unknownEvent)}`);
    }
  }
}

export const planImportDecider: Decider<PlanImportCommand, PlanImportEvent, PlanImportState> = {
  decide: decidePlanImport,
  evolve: evolvePlanImport,
  initialState: initialPlanImportState,
};
