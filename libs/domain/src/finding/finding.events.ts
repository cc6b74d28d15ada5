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
    raisedAt: string;
  }
>;

/** Appended by the finding-resolution process once every action planned for the finding is verified. */
export type FindingResolved = DomainEvent<
  'FindingResolved',
  { findingId: string; verifiedActionIds: string[]; resolvedAt: string }
>;

export type FindingEvent = FindingRaised | FindingResolved;
