import type { Decider, DomainCommand } from '../shared/decider';
import { DomainRuleViolation } from '../shared/domain-rule-violation';
import type { OrganisationEvent } from './organisation.events';

export type RegisterOrganisation = DomainCommand<
  'RegisterOrganisation',
  { organisationId: string; name: string }
>;
export type OrganisationCommand = RegisterOrganisation;

export type OrganisationState =
  { status: 'none' } | { status: 'registered'; organisationId: string; name: string; registeredAt: string };

export const initialOrganisationState: OrganisationState = { status: 'none' };

export function decideOrganisation(
  command: OrganisationCommand,
  state: OrganisationState,
): OrganisationEvent[] {
  if (state.status !== 'none') throw new DomainRuleViolation('This organisation is already registered.');
  const name = command.data.name.trim();
  if (name === '') throw new DomainRuleViolation('An organisation needs a name.');
  return [
    {
      type: 'OrganisationRegistered',
      data: {
        organisationId: command.data.organisationId,
        name,
        registeredAt: command.metadata.now.toISOString(),
      },
    },
  ];
}

export function evolveOrganisation(_state: OrganisationState, event: OrganisationEvent): OrganisationState {
  switch (event.type) {
    case 'OrganisationRegistered':
      return { status: 'registered', ...event.data };
    default: {
      const unknownEvent: never = event.type;
      throw new Error(`Unknown organisation event ${String(unknownEvent)}`);
    }
  }
}

export const organisationDecider: Decider<OrganisationCommand, OrganisationEvent, OrganisationState> = {
  decide: decideOrganisation,
  evolve: evolveOrganisation,
  initialState: initialOrganisationState,
};
