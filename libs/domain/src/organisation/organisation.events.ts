import type { DomainEvent } from '../shared/decider';

/** A local authority using ActionLedger. Its name is public, not personal data. */
export type OrganisationRegistered = DomainEvent<
  'OrganisationRegistered',
  { organisationId: string; name: string; registeredAt: string }
>;

export type OrganisationEvent = OrganisationRegistered;
