import type { ActionPlanned, FindingRaised, InspectionRecorded } from '@actionledger/domain';

/**
 * The root events of a plan carry the organisation they belong to. Until `organisationId` lands in the domain's
 * event types (another branch adds it), this one accessor reads it; after the merge `OrganisationScoped<T>`
 * becomes `T` and nothing else changes.
 */
export type OrganisationScoped<Data> = Data & { organisationId: string };

export type RootEventData =
  | OrganisationScoped<InspectionRecorded['data']>
  | OrganisationScoped<FindingRaised['data']>
  | OrganisationScoped<ActionPlanned['data']>;

export function organisationOf(data: RootEventData): string {
  const { organisationId } = data;
  if (typeof organisationId !== 'string' || organisationId === '') {
    throw new TypeError('A root event (inspection, finding, planned action) must name its organisationId.');
  }
  return organisationId;
}
