import type { CalendarDate } from '../shared/calendar-date';
import type { DomainEvent } from '../shared/decider';
import type { FindingCategory, Timescale } from '../shared/vocabulary';

export type FindingRaised = DomainEvent<
  'FindingRaised',
  {
    findingId: string;
    inspectionId: string;
    organisationId: string;
    category: FindingCategory;
    timescale: Timescale;
    text: string;
    /** The day the timescale counts from: the letter's date, else the last day of the inspection. */
    countsFrom: CalendarDate;
    raisedAt: string;
  }
>;

/** The fields a lead may correct on a finding. */
export interface FindingCorrection {
  text?: string;
  category?: FindingCategory;
  timescale?: Timescale;
}

export type FindingAmended = DomainEvent<
  'FindingAmended',
  {
    findingId: string;
    changes: FindingCorrection;
    previous: FindingCorrection;
    reason: string;
    amendedAt: string;
  }
>;

/** A resolved finding open again: it takes new actions, and resolves again once they are all verified. */
export type FindingReopened = DomainEvent<
  'FindingReopened',
  { findingId: string; reason: string; reopenedAt: string }
>;

/** Appended by the finding-resolution process once every action planned for the finding is verified. */
export type FindingResolved = DomainEvent<
  'FindingResolved',
  { findingId: string; verifiedActionIds: string[]; resolvedAt: string }
>;

/**
 * Written with `ActionPlanned`, in the same atomic append, so that planning an action moves the finding's
 * revision: a resolution decided before it then fails its expected revision and is decided again.
 */
export type ActionAddedToFinding = DomainEvent<
  'ActionAddedToFinding',
  { findingId: string; actionId: string; addedAt: string }
>;

export type FindingEvent =
  FindingRaised | FindingResolved | FindingAmended | FindingReopened | ActionAddedToFinding;
