import type { DomainEvent } from '../shared/decider';

/**
 * A letter's confirmation recorded an inspection under this identity (one organisation, authority, inspection
 * type and dates). Written in the same atomic append as the inspection, so that a second document about the
 * same inspection finds it.
 */
export type InspectionIdentityClaimed = DomainEvent<
  'InspectionIdentityClaimed',
  {
    identityId: string;
    organisationId: string;
    inspectionId: string;
    draftId: string;
    /** The inspection already recorded under this identity that the lead chose to record this one beside. */
    recordedAlongside: string | null;
  }
>;

export type InspectionIdentityEvent = InspectionIdentityClaimed;
