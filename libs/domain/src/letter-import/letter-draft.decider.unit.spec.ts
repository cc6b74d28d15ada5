import { deciderSpecification } from '../testing/decider-specification';
import { at, metadata, organisationId } from '../testing/fixtures';
import { letterDraftDecider, type CreateLetterDraft } from './letter-draft.decider';
import type { LetterDraftConfirmed, LetterDraftCreated, LetterDraftEdited } from './letter-draft.events';
import type { LetterProposal } from './letter-proposal';
import { proposal } from '../testing/letter-proposal.fixture';

const spec = deciderSpecification(letterDraftDecider);
const draftId = 'draft-1';
const create: CreateLetterDraft = {
  type: 'CreateLetterDraft',
  data: {
    draftId,
    organisationId,
    fileName: 'report.txt',
    mediaType: 'text/plain',
    text: 'the text',
    proposal,
  },
  metadata,
};
const created: LetterDraftCreated = { type: 'LetterDraftCreated', data: { ...create.data, createdAt: at } };
const confirmIds = { draftId, inspectionId: 'i-1', findingIds: ['f-1', 'f-2'], actionIds: ['a-1'] };
const confirmed: LetterDraftConfirmed = {
  type: 'LetterDraftConfirmed',
  data: { ...confirmIds, confirmedAt: at },
};

describe('a letter draft', () => {
  it('is created with the text it was read from', () => {
    spec.given([]).when(create).then([created]);
  });

  it('takes the lead’s corrections, replacing lists whole', () => {
    const edited: LetterDraftEdited = {
      type: 'LetterDraftEdited',
      data: {
        draftId,
        proposal: { ...proposal, authority: 'Sunderland City Council', actionsTaken: [] },
        editedAt: at,
      },
    };
    spec
      .given([created])
      .when({
        type: 'EditLetterDraft',
        data: { draftId, changes: { authority: 'Sunderland City Council', actionsTaken: [] } },
        metadata,
      })
      .then([edited]);
  });

  it('is confirmed once, and confirming again changes nothing', () => {
    spec.given([created]).when({ type: 'ConfirmLetterDraft', data: confirmIds, metadata }).then([confirmed]);
    spec
      .given([created, confirmed])
      .when({ type: 'ConfirmLetterDraft', data: confirmIds, metadata })
      .then([]);
  });

  it('refuses edits once confirmed', () => {
    spec
      .given([created, confirmed])
      .when({ type: 'EditLetterDraft', data: { draftId, changes: { authority: 'X' } }, metadata })
      .thenRefuses(/already been confirmed; it cannot be edited/);
  });

  it('refuses to confirm a proposal with gaps, naming each', () => {
    const gappy: LetterProposal = {
      ...proposal,
      authority: ' ',
      inspectionDates: [],
      actionsTaken: [{ ...proposal.actionsTaken[0], findingIndex: null }],
    };
    spec
      .given([{ ...created, data: { ...created.data, proposal: gappy } }])
      .when({ type: 'ConfirmLetterDraft', data: confirmIds, metadata })
      .thenRefuses(
        /authority is missing; the inspection dates are missing; action taken 1 \("Audit held"\) is not linked/,
      );
  });

  it('refuses anything on a draft that does not exist', () => {
    spec
      .given([])
      .when({ type: 'ConfirmLetterDraft', data: confirmIds, metadata })
      .thenRefuses(/no such letter draft/);
  });
});
