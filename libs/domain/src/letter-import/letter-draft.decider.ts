import type { Decider, DomainCommand } from '../shared/decider';
import { DomainRuleViolation } from '../shared/domain-rule-violation';
import type { LetterDraftEvent } from './letter-draft.events';
import { proposalProblems, type LetterProposal, type LetterProposalChanges } from './letter-proposal';

export type CreateLetterDraft = DomainCommand<
  'CreateLetterDraft',
  {
    draftId: string;
    organisationId: string;
    fileName: string | null;
    mediaType: string;
    text: string;
    proposal: LetterProposal;
  }
>;
export type EditLetterDraft = DomainCommand<
  'EditLetterDraft',
  { draftId: string; changes: LetterProposalChanges }
>;
export type ConfirmLetterDraft = DomainCommand<
  'ConfirmLetterDraft',
  {
    draftId: string;
    inspectionId: string;
    findingIds: string[];
    actionIds: string[];
    /** The lead's choice to record the inspection beside one already recorded with the same identity. */
    recordAlongside?: string | null;
  }
>;
export type LetterDraftCommand = CreateLetterDraft | EditLetterDraft | ConfirmLetterDraft;

export type LetterDraftState =
  | { status: 'none' }
  | {
      status: 'draft' | 'confirmed';
      draftId: string;
      organisationId: string;
      fileName: string | null;
      mediaType: string;
      text: string;
      proposal: LetterProposal;
      createdAt: string;
      confirmation: {
        inspectionId: string;
        findingIds: string[];
        actionIds: string[];
        confirmedAt: string;
      } | null;
    };

export const initialLetterDraftState: LetterDraftState = { status: 'none' };

function requireOpenDraft(
  state: LetterDraftState,
  doing: string,
): Exclude<LetterDraftState, { status: 'none' }> {
  if (state.status === 'none') throw new DomainRuleViolation('There is no such letter draft.');
  if (state.status === 'confirmed') {
    throw new DomainRuleViolation(`This letter has already been confirmed; it cannot be ${doing}.`);
  }
  return state;
}

/** Ids are chosen by the caller so that a retried confirmation writes to the same streams. */
export function decideLetterDraft(command: LetterDraftCommand, state: LetterDraftState): LetterDraftEvent[] {
  const at = command.metadata.now.toISOString();
  switch (command.type) {
    case 'CreateLetterDraft':
      if (state.status !== 'none') throw new DomainRuleViolation('This letter draft already exists.');
      return [{ type: 'LetterDraftCreated', data: { ...command.data, createdAt: at } }];
    case 'EditLetterDraft': {
      const draft = requireOpenDraft(state, 'edited');
      const given = Object.entries(command.data.changes).filter(([, value]) => value !== undefined);
      const proposal = { ...draft.proposal, ...Object.fromEntries(given) };
      return [{ type: 'LetterDraftEdited', data: { draftId: draft.draftId, proposal, editedAt: at } }];
    }
    case 'ConfirmLetterDraft': {
      // Confirming twice is not an error: the second confirmation finds the first one's result.
      if (state.status === 'confirmed') return [];
      const draft = requireOpenDraft(state, 'confirmed');
      const problems = proposalProblems(draft.proposal);
      if (problems.length > 0) {
        throw new DomainRuleViolation(`This letter cannot be confirmed yet: ${problems.join('; ')}.`);
      }
      const { findingIds, actionIds } = command.data;
      if (
        findingIds.length !== draft.proposal.findings.length ||
        actionIds.length !== draft.proposal.actionsTaken.length
      ) {
        throw new Error('Confirmation ids do not match the proposal.');
      }
      const { draftId, inspectionId } = command.data;
      return [
        {
          type: 'LetterDraftConfirmed',
          data: { draftId, inspectionId, findingIds, actionIds, confirmedAt: at },
        },
      ];
    }
    default: {
      const unknownCommand: never = command;
      throw new Error(`Unknown letter draft command ${JSON.stringify(unknownCommand)}`);
    }
  }
}

export function evolveLetterDraft(state: LetterDraftState, event: LetterDraftEvent): LetterDraftState {
  switch (event.type) {
    case 'LetterDraftCreated':
      return { status: 'draft', ...event.data, confirmation: null };
    case 'LetterDraftEdited':
      return state.status === 'none' ? state : { ...state, proposal: event.data.proposal };
    case 'LetterDraftConfirmed': {
      if (state.status === 'none') return state;
      const { inspectionId, findingIds, actionIds, confirmedAt } = event.data;
      return {
        ...state,
        status: 'confirmed',
        confirmation: { inspectionId, findingIds, actionIds, confirmedAt },
      };
    }
    default: {
      const unknownEvent: never = event;
      throw new Error(`Unknown letter draft event ${JSON.stringify(unknownEvent)}`);
    }
  }
}

export const letterDraftDecider: Decider<LetterDraftCommand, LetterDraftEvent, LetterDraftState> = {
  decide: decideLetterDraft,
  evolve: evolveLetterDraft,
  initialState: initialLetterDraftState,
};
