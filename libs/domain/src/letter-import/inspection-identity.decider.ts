import type { Decider, DomainCommand } from '../shared/decider';
import { DomainRuleViolation } from '../shared/domain-rule-violation';
import type { InspectionIdentityEvent } from './inspection-identity.events';

/** What makes two documents about the same inspection: the authority, the inspection's type and its dates. */
export interface InspectionIdentityFacts {
  authority: string | null;
  inspectionType: string;
  inspectionDates: readonly string[];
}

export type ClaimInspectionIdentity = DomainCommand<
  'ClaimInspectionIdentity',
  {
    identityId: string;
    organisationId: string;
    inspectionId: string;
    draftId: string;
    /** The lead's explicit choice to record a second inspection beside the one already recorded. */
    recordAlongside: string | null;
  }
>;

export type InspectionIdentityState =
  { status: 'none' } | { status: 'claimed'; organisationId: string; inspectionIds: string[] };

export const initialInspectionIdentityState: InspectionIdentityState = { status: 'none' };

/** Words every council's name may or may not carry: "City of Bradford Metropolitan District Council" is Bradford. */
const ADMINISTRATIVE_WORDS =
  /\b(?:the|of|city|county|borough|metropolitan|district|london|royal|council|unitary|authority)\b/g;

/** The place an authority's name names, in one spelling: lower case, no punctuation, no administrative words. */
export function authorityPlace(authority: string): string {
  const words = authority
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ');
  const place = words.replace(ADMINISTRATIVE_WORDS, ' ').replace(/\s+/g, ' ').trim();
  return place || words.trim();
}

/**
 * The identity's key, or null where the facts cannot identify an inspection (no authority or no dates): the
 * organisation, the authority's place, the type and the distinct dates in order.
 */
export function inspectionIdentityKey(organisationId: string, facts: InspectionIdentityFacts): string | null {
  const place = facts.authority ? authorityPlace(facts.authority) : '';
  const dates = [...new Set(facts.inspectionDates)].sort();
  if (!place || dates.length === 0) return null;
  return [organisationId, place, facts.inspectionType, dates.join(',')].join('|');
}

/** The inspection already recorded under this identity, if any (the last, where the lead recorded several). */
export function recordedInspectionOf(state: InspectionIdentityState, except?: string): string | null {
  if (state.status === 'none') return null;
  return state.inspectionIds.filter((id) => id !== except).at(-1) ?? null;
}

export function decideInspectionIdentity(
  command: ClaimInspectionIdentity,
  state: InspectionIdentityState,
): InspectionIdentityEvent[] {
  switch (command.type) {
    case 'ClaimInspectionIdentity': {
      const { recordAlongside, ...claim } = command.data;
      const recorded = recordedInspectionOf(state);
      if (recorded !== null && (recordAlongside === null || !inIdentity(state, recordAlongside))) {
        throw new DomainRuleViolation(
          recordAlongside === null
            ? `Inspection ${recorded} of the same authority, type and dates is already recorded: this document may be a second one about it. To record it as an inspection of its own, confirm with {"recordAlongside": "${recorded}"}.`
            : `Inspection ${recordAlongside} is not the one recorded with the same authority, type and dates (${recorded} is).`,
        );
      }
      return [
        {
          type: 'InspectionIdentityClaimed',
          data: { ...claim, recordedAlongside: recorded === null ? null : recordAlongside },
        },
      ];
    }
    default: {
      const unknownCommand: never = command.type;
      throw new Error(`Unknown inspection identity command ${JSON.stringify(unknownCommand)}`);
    }
  }
}

function inIdentity(state: InspectionIdentityState, inspectionId: string): boolean {
  return state.status === 'claimed' && state.inspectionIds.includes(inspectionId);
}

export function evolveInspectionIdentity(
  state: InspectionIdentityState,
  event: InspectionIdentityEvent,
): InspectionIdentityState {
  switch (event.type) {
    case 'InspectionIdentityClaimed':
      return {
        status: 'claimed',
        organisationId: event.data.organisationId,
        inspectionIds: [...(state.status === 'claimed' ? state.inspectionIds : []), event.data.inspectionId],
      };
    default: {
      const unknownEvent: never = event.type;
      throw new Error(`Unknown inspection identity event ${JSON.stringify(unknownEvent)}`);
    }
  }
}

export const inspectionIdentityDecider: Decider<
  ClaimInspectionIdentity,
  InspectionIdentityEvent,
  InspectionIdentityState
> = {
  decide: decideInspectionIdentity,
  evolve: evolveInspectionIdentity,
  initialState: initialInspectionIdentityState,
};
