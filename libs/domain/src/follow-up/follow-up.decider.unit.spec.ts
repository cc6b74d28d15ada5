import { deciderSpecification } from '../testing/decider-specification';
import { metadata } from '../testing/fixtures';
import { followUpDecider, type JudgeFindingAtFollowUp, type ScheduleFollowUp } from './follow-up.decider';
import type { FollowUpEvent } from './follow-up.events';

const spec = deciderSpecification(followUpDecider);
const schedule: ScheduleFollowUp = {
  type: 'ScheduleFollowUp',
  data: {
    followUpId: 'u-1',
    organisationId: 'org-1',
    authority: ' Durham County Council ',
    expectedDate: '2027-01-12',
    followsInspectionId: 'i-1',
  },
  metadata,
};
const scheduled: FollowUpEvent = {
  type: 'FollowUpScheduled',
  data: { ...schedule.data, authority: 'Durham County Council' },
};
const judge = (
  judgement: 'addressed' | 'partly_addressed' | 'not_addressed',
  inspectionId = 'i-1',
): JudgeFindingAtFollowUp => ({
  type: 'JudgeFindingAtFollowUp',
  data: { followUpId: 'u-1', findingId: 'f-1', judgement, note: ' Audits now monthly ' },
  finding: { findingId: 'f-1', inspectionId },
  metadata,
});

describe('a follow-up inspection', () => {
  it('is scheduled for an authority, an expected date and the inspection it follows', () => {
    spec.given([]).when(schedule).then([scheduled]);
  });
  it('is scheduled once, with an authority and a real date', () => {
    spec
      .given([scheduled])
      .when(schedule)
      .thenRefuses(/already been scheduled/);
    spec
      .given([])
      .when({ ...schedule, data: { ...schedule.data, authority: ' ' } })
      .thenRefuses(/authority/);
    spec
      .given([])
      .when({ ...schedule, data: { ...schedule.data, expectedDate: '2027-02-30' } })
      .thenRefuses(/not a date/);
  });
  it('records its judgement of an earlier finding, with a note', () => {
    spec
      .given([scheduled])
      .when(judge('partly_addressed'))
      .then([
        {
          type: 'FindingJudgedAtFollowUp',
          data: {
            followUpId: 'u-1',
            findingId: 'f-1',
            judgement: 'partly_addressed',
            note: 'Audits now monthly',
          },
        },
      ]);
  });
  it('judges only findings of the inspection it follows, and only once the same way', () => {
    spec
      .given([])
      .when(judge('addressed'))
      .thenRefuses(/no such follow-up/);
    spec
      .given([scheduled])
      .when(judge('addressed', 'i-other'))
      .thenRefuses(/not raised by the inspection/);
    const judged = followUpDecider.decide(
      judge('addressed'),
      followUpDecider.evolve(followUpDecider.initialState, scheduled),
    );
    spec
      .given([scheduled, ...judged])
      .when(judge('addressed'))
      .thenRefuses(/already judged addressed/);
    spec
      .given([scheduled, ...judged])
      .when(judge('not_addressed'))
      .then([
        {
          type: 'FindingJudgedAtFollowUp',
          data: {
            followUpId: 'u-1',
            findingId: 'f-1',
            judgement: 'not_addressed',
            note: 'Audits now monthly',
          },
        },
      ]);
  });
});
