import { evolveLetterDraft, initialLetterDraftState, type LetterDraftState } from './letter-draft.decider';
import type { LetterDraftEvent } from './letter-draft.events';
import { decideLetterConfirmation } from './letter-confirmation';
import { proposal } from '../testing/letter-proposal.fixture';
import { at, metadata, organisationId, policy } from '../testing/fixtures';

const draftOf = (events: LetterDraftEvent[]): LetterDraftState =>
  events.reduce(evolveLetterDraft, initialLetterDraftState);
const created: LetterDraftEvent = {
  type: 'LetterDraftCreated',
  data: {
    draftId: 'd-1',
    organisationId,
    fileName: null,
    mediaType: 'text/plain',
    text: 't',
    proposal,
    createdAt: at,
  },
};
const confirm = {
  type: 'ConfirmLetterDraft' as const,
  data: { draftId: 'd-1', inspectionId: 'i-1', findingIds: ['f-1', 'f-2'], actionIds: ['a-1'] },
  metadata,
};

describe('confirming a letter', () => {
  it('records the inspection, each finding and each action taken, each in its own stream', () => {
    const writes = decideLetterConfirmation(confirm, draftOf([created]), policy);
    expect(writes.map((write) => [write.streamId, write.events.map((event) => event.type)])).toEqual([
      ['letter-draft-d-1', ['LetterDraftConfirmed']],
      ['inspection-i-1', ['InspectionRecorded']],
      ['finding-f-1', ['FindingRaised']],
      ['finding-f-2', ['FindingRaised']],
      ['action-a-1', ['ActionPlanned', 'ActionCompleted']],
    ]);
    expect(writes[1].events[0].data).toMatchObject({
      authority: 'Sunderland',
      inspectionDates: ['2011-10-18', '2011-10-19'],
    });
    expect(writes[3].events[0].data).toMatchObject({
      inspectionId: 'i-1',
      category: 'area_for_development',
      text: 'Assessments vary.',
    });
    expect(writes[4].events[0].data).toMatchObject({
      findingId: 'f-2',
      title: 'Audit held',
      recordedOn: '2011-11',
    });
    // Reported as taken: done on its date, by the council, for a lead to verify.
    expect(writes[4].events[1].data).toMatchObject({
      completedBy: 'system:council-report',
      completedAt: '2011-11-01T00:00:00.000Z',
    });
  });

  it('writes nothing when the draft was already confirmed', () => {
    const confirmed: LetterDraftEvent = {
      type: 'LetterDraftConfirmed',
      data: { ...confirm.data, confirmedAt: at },
    };
    expect(decideLetterConfirmation(confirm, draftOf([created, confirmed]), policy)).toEqual([]);
  });

  it('claims the inspection’s identity in the same write, and refuses where another inspection holds it', () => {
    const unclaimed = { identityId: 'x-1', state: { status: 'none' as const } };
    const writes = decideLetterConfirmation(confirm, draftOf([created]), policy, unclaimed);
    expect(writes.at(-1)).toEqual({
      streamId: 'inspection-identity-x-1',
      events: [
        {
          type: 'InspectionIdentityClaimed',
          data: {
            identityId: 'x-1',
            organisationId,
            inspectionId: 'i-1',
            draftId: 'd-1',
            recordedAlongside: null,
          },
        },
      ],
    });

    const held = {
      identityId: 'x-1',
      state: { status: 'claimed' as const, organisationId, inspectionIds: ['i-0'] },
    };
    expect(() => decideLetterConfirmation(confirm, draftOf([created]), policy, held)).toThrow(
      /i-0 of the same authority, type and dates is already recorded/,
    );
    const chosen = { ...confirm, data: { ...confirm.data, recordAlongside: 'i-0' } };
    const beside = decideLetterConfirmation(chosen, draftOf([created]), policy, held);
    expect(beside.at(-1)?.events[0].data).toMatchObject({ recordedAlongside: 'i-0' });
    // The choice is the identity's to record, not the draft's.
    expect(beside[0].events[0].data).not.toHaveProperty('recordAlongside');
  });
});
