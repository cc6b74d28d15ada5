import { createActionDecider } from '../action/action.decider';
import type { ActionCompleted } from '../action/action.events';
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
import {
  decideInspectionIdentity,
  inspectionIdentityKey,
  type InspectionIdentityState,
} from './inspection-identity.decider';
import { inspectionIdentityStreamId } from '../shared/stream-ids';

/**
 * An action a council's report says was already taken is done, not planned: completed on the date the report
 * gives, by the council as the report records it, awaiting a lead's verification (who, having only confirmed the
 * import, is not the one who completed it).
 */
function reportedAsDone(actionId: string, recordedOn: string | null, now: Date): ActionCompleted {
  const completedAt = recordedOn
    ? new Date(`${recordedOn.length === 7 ? `${recordedOn}-01` : recordedOn}T00:00:00.000Z`).toISOString()
    : now.toISOString();
  return {
    type: 'ActionCompleted',
    data: {
      actionId,
      summary: `Reported as done in the council's report${recordedOn ? ` (${recordedOn})` : ''}.`,
      evidence: [],
      completedBy: REPORTED_BY_COUNCIL,
      completedAt,
    },
  };
}

/** Who completed an action that a report says was already taken: the council, as the report records it. */
export const REPORTED_BY_COUNCIL = 'system:council-report';

/** Events for one stream, all of which must be written together with the others. */
export interface StreamEvents {
  streamId: string;
  events: DomainEvent[];
}

/** The identity (authority, type, dates) the draft's inspection would be recorded under, as its key found it. */
export interface IdentityOfDraft {
  identityId: string;
  state: InspectionIdentityState;
}

/**
 * The identity the draft's proposal names, keyed within its organisation; null where the proposal cannot
 * identify an inspection (no authority or no dates), which confirmation refuses anyway.
 */
export function identityKeyOfDraft(draft: LetterDraftState): string | null {
  if (draft.status === 'none') return null;
  return inspectionIdentityKey(draft.organisationId, draft.proposal);
}

/**
 * Everything a confirmed letter records, decided by each aggregate's own rules: the draft's confirmation, the
 * inspection, its findings, the actions already taken (planned, with their dates), and the claim on the
 * inspection's identity, refused where another inspection holds it unless the lead chose to record this one
 * beside it. Empty when the draft was confirmed before. The caller writes all of it in one atomic append.
 */
export function decideLetterConfirmation(
  command: ConfirmLetterDraft,
  draft: LetterDraftState,
  policy: DueDatePolicy,
  identity: IdentityOfDraft | null = null,
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
        planDeadline: proposal.planDeadline,
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
      events: [
        ...actionDecider.decide(
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
        reportedAsDone(actionIds[index], action.date, metadata.now),
      ],
    };
  });

  const claim = identity && {
    streamId: inspectionIdentityStreamId(identity.identityId),
    events: decideInspectionIdentity(
      {
        type: 'ClaimInspectionIdentity',
        data: {
          identityId: identity.identityId,
          organisationId,
          inspectionId,
          draftId,
          recordAlongside: command.data.recordAlongside ?? null,
        },
        metadata,
      },
      identity.state,
    ),
  };

  return [
    { streamId: letterDraftStreamId(draftId), events: confirmation },
    { streamId: inspectionStreamId(inspectionId), events: inspection },
    ...findings,
    ...actions,
    ...(claim ? [claim] : []),
  ];
}
