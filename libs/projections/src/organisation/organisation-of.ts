import type { ActionPlanned, FindingRaised, InspectionRecorded } from '@actionledger/domain';

/** The root events of a plan carry the organisation they belong to; later events find it through them. */
export type OrganisationScoped<Data> = Data;

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
