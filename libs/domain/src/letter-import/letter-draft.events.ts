import type { DomainEvent } from '../shared/decider';
import type { LetterProposal } from './letter-proposal';

export type LetterDraftCreated = DomainEvent<
  'LetterDraftCreated',
  {
    draftId: string;
    organisationId: string;
    fileName: string | null;
    mediaType: string;
    /** The letter's text as read, so that every proposed value can be traced to it. */
    text: string;
    proposal: LetterProposal;
    createdAt: string;
  }
>;

export type LetterDraftEdited = DomainEvent<
  'LetterDraftEdited',
  { draftId: string; proposal: LetterProposal; editedAt: string }
>;

/** Appended in the same atomic write as the inspection, findings and actions it records. */
export type LetterDraftConfirmed = DomainEvent<
  'LetterDraftConfirmed',
  { draftId: string; inspectionId: string; findingIds: string[]; actionIds: string[]; confirmedAt: string }
>;

export type LetterDraftEvent = LetterDraftCreated | LetterDraftEdited | LetterDraftConfirmed;
