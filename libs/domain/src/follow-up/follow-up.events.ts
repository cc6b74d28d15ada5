import type { CalendarDate } from '../shared/calendar-date';
import type { DomainEvent } from '../shared/decider';

/** How a follow-up inspection judged what was done about an earlier finding. */
export const FOLLOW_UP_JUDGEMENTS = ['addressed', 'partly_addressed', 'not_addressed'] as const;
export type FollowUpJudgement = (typeof FOLLOW_UP_JUDGEMENTS)[number];

export const followUpStreamId = (followUpId: string): string => `follow-up-${followUpId}`;

export type FollowUpScheduled = DomainEvent<
  'FollowUpScheduled',
  {
    followUpId: string;
    organisationId: string;
    authority: string;
    expectedDate: CalendarDate;
    /** The earlier inspection whose findings "will be specifically considered". */
    followsInspectionId: string;
  }
>;

export type FindingJudgedAtFollowUp = DomainEvent<
  'FindingJudgedAtFollowUp',
  { followUpId: string; findingId: string; judgement: FollowUpJudgement; note: string | null }
>;

export type FollowUpEvent = FollowUpScheduled | FindingJudgedAtFollowUp;
