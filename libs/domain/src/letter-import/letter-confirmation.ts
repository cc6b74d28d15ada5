import { createActionDecider } from '../action/action.decider';
import { decideFinding, initialFindingState } from '../finding/finding.decider';
import { decideInspection, initialInspectionState } from '../inspection/inspection.decider';
import type { DueDatePolicy } from '../policies/due-date.policy';
import type { DomainEvent } from '../shared/decider';
import {
  actionStreamId,
  findingStreamId,
  inspectionStreamId,
  letterDraftStreamId,
} from '../shared/stream-ids';
import { decideLetterDraft, type ConfirmLetterDraft, type LetterDraftState } from './letter-draft.decider';

/** Events for one stream, all of which must be written together with the others. */
export interface StreamEvents {
  streamId: string;
  events: DomainEvent[];
}

/**
 * Everything a confirmed letter records, decided by each aggregate's own rules: the draft's confirmation, the
 * inspection, its findings, and the actions already taken (planned, with their dates). Empty when the draft was
 * confirmed before. The caller writes all of it in one atomic append.
 */
export function decideLetterConfirmation(
  command: ConfirmLetterDraft,
  draft: LetterDraftState,
  policy: DueDatePolicy,
): StreamEvents[] {
  const confirmation = decideLetterDraft(command, draft);
  if (confirmation.length === 0 || draft.status === 'none') return [];
  const { proposal, organisationId } = draft;
  // Timescales count from the letter, not from the day it was imported: an old letter's findings may be overdue.
  const countsFrom = proposal.letterDate ?? [...proposal.inspectionDates].sort().at(-1)!;
  const { inspectionId, findingIds, actionIds, draftId } = command.data;
  const metadata = command.metadata;

  const inspection = decideInspection(
    {
      type: 'RecordInspection',
      data: {
        inspectionId,
        organisationId,
        authority: proposal.authority!.trim(),
        inspectionType: proposal.inspectionType,
        inspectionDates: proposal.inspectionDates,
        letterDate: proposal.letterDate,
        inspector: proposal.inspector,
        overallJudgement: proposal.overallJudgement,
      },
      metadata,
    },
    initialInspectionState,
  );
  const findings = proposal.findings.map((finding, index) => ({
    streamId: findingStreamId(findingIds[index]),
    events: decideFinding(
      {
        type: 'RaiseFinding',
        data: {
          findingId: findingIds[index],
          inspectionId,
          organisationId,
          category: finding.category,
          countsFrom,
          timescale: finding.timescale,
          text: finding.text,
        },
        metadata,
      },
      initialFindingState,
    ),
  }));
  const actionDecider = createActionDecider(policy);
  const actions = proposal.actionsTaken.map((action, index) => {
    const findingIndex = action.findingIndex!;
    return {
      streamId: actionStreamId(actionIds[index]),
      events: actionDecider.decide(
        {
          type: 'PlanAction',
          data: {
            actionId: actionIds[index],
            title: action.text,
            description: null,
            recordedOn: action.date,
          },
          metadata,
          finding: {
            findingId: findingIds[findingIndex],
            organisationId,
            status: 'open',
            category: proposal.findings[findingIndex].category,
            timescale: proposal.findings[findingIndex].timescale,
            countsFrom,
          },
        },
        actionDecider.initialState,
      ),
    };
  });

  return [
    { streamId: letterDraftStreamId(draftId), events: confirmation },
    { streamId: inspectionStreamId(inspectionId), events: inspection },
    ...findings,
    ...actions,
  ];
}
