import { deciderSpecification } from '../testing/decider-specification';
import { metadata, organisationId } from '../testing/fixtures';
import {
  authorityPlace,
  inspectionIdentityDecider,
  inspectionIdentityKey,
  type ClaimInspectionIdentity,
} from './inspection-identity.decider';
import type { InspectionIdentityClaimed } from './inspection-identity.events';

const spec = deciderSpecification(inspectionIdentityDecider);
const claim = (inspectionId: string, recordAlongside: string | null = null): ClaimInspectionIdentity => ({
  type: 'ClaimInspectionIdentity',
  data: {
    identityId: 'id-1',
    organisationId,
    inspectionId,
    draftId: `draft-${inspectionId}`,
    recordAlongside,
  },
  metadata,
});
const claimed = (
  inspectionId: string,
  recordedAlongside: string | null = null,
): InspectionIdentityClaimed => ({
  type: 'InspectionIdentityClaimed',
  data: {
    identityId: 'id-1',
    organisationId,
    inspectionId,
    draftId: `draft-${inspectionId}`,
    recordedAlongside,
  },
});

describe('ClaimInspectionIdentity', () => {
  it('claims an identity no inspection holds', () => {
    spec
      .given([])
      .when(claim('i-1'))
      .then([claimed('i-1')]);
  });

  it('records no choice where there was nothing to choose', () => {
    spec
      .given([])
      .when(claim('i-1', 'i-0'))
      .then([claimed('i-1')]);
  });

  it('refuses a second inspection of the same identity without the lead’s choice, naming the first', () => {
    spec
      .given([claimed('i-1')])
      .when(claim('i-2'))
      .thenRefuses(/i-1 of the same authority, type and dates/);
  });

  it('refuses a choice that names another inspection than the one recorded', () => {
    spec
      .given([claimed('i-1')])
      .when(claim('i-2', 'i-9'))
      .thenRefuses(/i-9 is not the one recorded/);
  });

  it('records the second inspection beside the first when the lead chose so', () => {
    spec
      .given([claimed('i-1')])
      .when(claim('i-2', 'i-1'))
      .then([claimed('i-2', 'i-1')]);
    spec
      .given([claimed('i-1'), claimed('i-2', 'i-1')])
      .when(claim('i-3', 'i-1'))
      .then([claimed('i-3', 'i-1')]);
  });
});

describe('the identity of an inspection', () => {
  it.each([
    ['City of Bradford Metropolitan District Council', 'bradford'],
    ['Bradford Metropolitan District Council', 'bradford'],
    ['Tameside Metropolitan Borough Council', 'tameside'],
    ['Stockton-on-Tees Borough Council', 'stockton on tees'],
    ['London Borough of Haringey', 'haringey'],
    ['Redcar and Cleveland Borough Council', 'redcar and cleveland'],
    ['City of London', 'city of london'],
  ])('names the place of "%s" as "%s"', (authority, place) => {
    expect(authorityPlace(authority)).toBe(place);
  });

  const facts = {
    authority: 'Kent County Council',
    inspectionType: 'focused_visit',
    inspectionDates: ['2024-01-24', '2024-01-23'],
  };

  it('is the same for the same authority, type and dates, however spelt and ordered', () => {
    expect(inspectionIdentityKey(organisationId, facts)).toBe(
      inspectionIdentityKey(organisationId, {
        ...facts,
        authority: 'Kent',
        inspectionDates: ['2024-01-23', '2024-01-24', '2024-01-24'],
      }),
    );
  });

  it('differs by organisation, type or dates', () => {
    const key = inspectionIdentityKey(organisationId, facts);
    expect(inspectionIdentityKey('org-other', facts)).not.toBe(key);
    expect(inspectionIdentityKey(organisationId, { ...facts, inspectionType: 'monitoring_visit' })).not.toBe(
      key,
    );
    expect(inspectionIdentityKey(organisationId, { ...facts, inspectionDates: ['2024-01-23'] })).not.toBe(
      key,
    );
  });

  it('is none without an authority or dates', () => {
    expect(inspectionIdentityKey(organisationId, { ...facts, authority: null })).toBeNull();
    expect(inspectionIdentityKey(organisationId, { ...facts, inspectionDates: [] })).toBeNull();
  });
});
