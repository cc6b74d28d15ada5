import { createActionDecider, type ActionCommand, type FindingFacts } from '../action/action.decider';
import type { ActionEvent } from '../action/action.events';
import { decideFinding, initialFindingState } from '../finding/finding.decider';
import { decideInspection, initialInspectionState } from '../inspection/inspection.decider';
import type { DueDatePolicy } from '../policies/due-date.policy';
import type { CalendarDate } from '../shared/calendar-date';
import type { CommandMetadata, DomainEvent } from '../shared/decider';
import { DomainRuleViolation } from '../shared/domain-rule-violation';
import {
  actionStreamId,
  findingStreamId,
  inspectionStreamId,
  planImportStreamId,
} from '../shared/stream-ids';
import { decidePlanImport, type ConfirmPlanImport, type PlanImportState } from './plan-import.decider';
import { newFindingKey, type PlanImportProposal, type ProposedPlanRow } from './plan-import-proposal';

/** Who completed an action a spreadsheet marked complete: the sheet, for a lead to verify. */
export const MARKED_COMPLETE_IN_SHEET = 'system:imported-plan';

/** What the confirmation needs from the log about an existing inspection and the findings rows were matched to. */
export interface PlanImportFacts {
  inspection: {
    inspectionId: string;
    organisationId: string;
    countsFrom: CalendarDate;
    withdrawn: boolean;
  } | null;
  findings: ReadonlyMap<string, FindingFacts>;
}

/** One stream's events, and the sheet row they came from (null for the draft and the inspection). */
export interface ImportedStreamEvents {
  streamId: string;
  events: DomainEvent[];
  rowNumber: number | null;
}

export interface NewFinding {
  key: string;
  text: string;
  category: ProposedPlanRow['finding']['category'];
  timescale: ProposedPlanRow['finding']['timescale'];
  firstRow: number;
}

export const includedRows = (proposal: PlanImportProposal): ProposedPlanRow[] =>
  proposal.rows.filter((row) => !row.excluded);

/** The findings the included rows raise, in the order their first row comes; rows of the same text share one. */
export function newFindingsOf(proposal: PlanImportProposal): NewFinding[] {
  const found = new Map<string, NewFinding>();
  for (const row of includedRows(proposal)) {
    if (row.finding.findingId) continue;
    const key = newFindingKey(row.finding.text);
    if (!found.has(key)) found.set(key, { key, ...row.finding, firstRow: row.rowNumber });
  }
  return [...found.values()];
}

function dayStart(date: CalendarDate): string {
  return new Date(`${date}T00:00:00.000Z`).toISOString();
}

/** A row's commands, in order, each decided on the state the ones before it left. */
function rowEvents(
  row: ProposedPlanRow,
  actionId: string,
  finding: FindingFacts,
  metadata: CommandMetadata,
  policy: DueDatePolicy,
): ActionEvent[] {
  const decider = createActionDecider(policy);
  const base = { metadata, finding };
  const commands: ActionCommand[] = [
    { ...base, type: 'PlanAction', data: { actionId, title: row.action, description: row.description } },
  ];
  const ownerId = row.owner.userId;
  if (ownerId) {
    const firstDue = row.originalDueDate ?? row.dueDate ?? undefined;
    commands.push({ ...base, type: 'AssignAction', data: { actionId, ownerId, dueDate: firstDue } });
    if (row.originalDueDate && row.dueDate && row.dueDate !== row.originalDueDate) {
      const reason = `Revised in the imported plan (row ${row.rowNumber}).`;
      commands.push({ ...base, type: 'RescheduleAction', data: { actionId, dueDate: row.dueDate, reason } });
    }
    for (const note of row.notes)
      commands.push({ ...base, type: 'RecordProgress', data: { actionId, note } });
  }
  let state = decider.initialState;
  const events: ActionEvent[] = [];
  for (const command of commands) {
    const decided = decider.decide(command, state);
    state = decided.reduce(decider.evolve, state);
    events.push(...decided);
  }
  if (row.status === 'complete' || row.status === 'verified') {
    // Done by the council before the import, as the sheet records it; a lead verifies it here.
    events.push({
      type: 'ActionCompleted',
      data: {
        actionId,
        summary: `Marked complete in the imported plan (row ${row.rowNumber}).`,
        evidence: [],
        completedBy: MARKED_COMPLETE_IN_SHEET,
        completedAt: row.completedOn ? dayStart(row.completedOn) : metadata.now.toISOString(),
      },
    });
  }
  if (row.status === 'verified') {
    // Signed off before the import, as the sheet records it; the lead confirming the import accepts that.
    events.push({
      type: 'ActionVerified',
      data: {
        actionId,
        note: `Verified in the imported plan (row ${row.rowNumber}).`,
        verifiedAt: row.verifiedOn ? dayStart(row.verifiedOn) : metadata.now.toISOString(),
      },
    });
  }
  return events;
}

/**
 * Everything a confirmed plan import records, decided by each aggregate's own rules: the draft's confirmation,
 * the inspection when the draft describes a new one, the findings rows raise, and each included row's action
 * with its owner, due date, notes and completion. Empty when the draft was confirmed before. A row the rules
 * refuse is named by its number; the caller writes all of it in one atomic append, or nothing.
 */
export function decidePlanImportConfirmation(
  command: ConfirmPlanImport,
  draft: PlanImportState,
  facts: PlanImportFacts,
  policy: DueDatePolicy,
): ImportedStreamEvents[] {
  const confirmation = decidePlanImport(command, draft);
  if (confirmation.length === 0 || draft.status === 'none') return [];
  const { proposal, organisationId } = draft;
  const { metadata } = command;
  const { inspectionId, findingIds, actionIds, draftId } = command.data;
  const writes: ImportedStreamEvents[] = [
    { streamId: planImportStreamId(draftId), events: confirmation, rowNumber: null },
  ];

  let countsFrom: CalendarDate;
  if ('newInspection' in proposal.target) {
    const details = proposal.target.newInspection;
    countsFrom = details.letterDate ?? [...details.inspectionDates].sort().at(-1)!;
    const recorded = decideInspection(
      { type: 'RecordInspection', data: { ...details, inspectionId, organisationId }, metadata },
      initialInspectionState,
    );
    writes.push({ streamId: inspectionStreamId(inspectionId), events: recorded, rowNumber: null });
  } else {
    if (!facts.inspection || facts.inspection.inspectionId !== proposal.target.inspectionId) {
      throw new Error('The facts do not describe the draft’s inspection.');
    }
    if (facts.inspection.withdrawn) {
      throw new DomainRuleViolation('The inspection this plan is for has been withdrawn.');
    }
    countsFrom = facts.inspection.countsFrom;
  }

  const newFindings = newFindingsOf(proposal);
  if (findingIds.length !== newFindings.length)
    throw new Error('Confirmation ids do not match the proposal.');
  const factsOfNew = new Map<string, FindingFacts>();
  newFindings.forEach((finding, index) => {
    const findingId = findingIds[index];
    const raised = decideFinding(
      {
        type: 'RaiseFinding',
        data: {
          findingId,
          inspectionId,
          organisationId,
          category: finding.category,
          timescale: finding.timescale,
          text: finding.text,
          countsFrom,
        },
        metadata,
      },
      initialFindingState,
    );
    writes.push({ streamId: findingStreamId(findingId), events: raised, rowNumber: finding.firstRow });
    const { category, timescale } = finding;
    factsOfNew.set(finding.key, {
      findingId,
      organisationId,
      status: 'open',
      category,
      timescale,
      countsFrom,
    });
  });

  const rows = includedRows(proposal);
  if (actionIds.length !== rows.length) throw new Error('Confirmation ids do not match the proposal.');
  const refusals: string[] = [];
  rows.forEach((row, index) => {
    const finding = row.finding.findingId
      ? facts.findings.get(row.finding.findingId)
      : factsOfNew.get(newFindingKey(row.finding.text));
    if (!finding) {
      refusals.push(`row ${row.rowNumber}: its finding is not one of this inspection's`);
      return;
    }
    try {
      const events = rowEvents(row, actionIds[index], finding, metadata, policy);
      writes.push({ streamId: actionStreamId(actionIds[index]), events, rowNumber: row.rowNumber });
    } catch (error) {
      if (!(error instanceof DomainRuleViolation)) throw error;
      refusals.push(`row ${row.rowNumber}: ${error.message.replace(/\.$/, '')}`);
    }
  });
  if (refusals.length > 0) {
    throw new DomainRuleViolation(`This plan cannot be recorded yet: ${refusals.join('; ')}.`);
  }
  return writes;
}
