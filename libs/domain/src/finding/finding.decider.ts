import type { Decider, DomainCommand } from '../shared/decider';
import { DomainRuleViolation } from '../shared/domain-rule-violation';
import type { FindingCategory, Timescale } from '../shared/vocabulary';
import type { FindingEvent } from './finding.events';

export type RaiseFinding = DomainCommand<
  'RaiseFinding',
  {
    findingId: string;
    inspectionId: string;
    organisationId: string;
    category: FindingCategory;
    timescale: Timescale;
    text: string;
  }
>;
export type ResolveFinding = DomainCommand<
  'ResolveFinding',
  { findingId: string; verifiedActionIds: string[] }
>;
export type FindingCommand = RaiseFinding | ResolveFinding;

export type FindingState =
  | { status: 'none' }
  | {
      status: 'open' | 'resolved';
      findingId: string;
      inspectionId: string;
      organisationId: string;
      category: FindingCategory;
      timescale: Timescale;
      text: string;
      raisedAt: string;
      resolvedAt: string | null;
    };

export const initialFindingState: FindingState = { status: 'none' };

export function decideFinding(command: FindingCommand, state: FindingState): FindingEvent[] {
  switch (command.type) {
    case 'RaiseFinding': {
      if (state.status !== 'none') throw new DomainRuleViolation('This finding has already been raised.');
      if (command.data.text.trim() === '') throw new DomainRuleViolation('A finding needs its text.');
      return [
        {
          type: 'FindingRaised',
          data: {
            ...command.data,
            text: command.data.text.trim(),
            raisedAt: command.metadata.now.toISOString(),
          },
        },
      ];
    }
    case 'ResolveFinding': {
      if (state.status === 'none') throw new DomainRuleViolation('There is no such finding to resolve.');
      if (state.status === 'resolved') throw new DomainRuleViolation('This finding is already resolved.');
      if (command.data.verifiedActionIds.length === 0) {
        throw new DomainRuleViolation('A finding is resolved only once it has actions and all are verified.');
      }
      return [
        {
          type: 'FindingResolved',
          data: { ...command.data, resolvedAt: command.metadata.now.toISOString() },
        },
      ];
    }
    default: {
      const unknownCommand: never = command;
      throw new Error(`Unknown finding command ${JSON.stringify(unknownCommand)}`);
    }
  }
}

export function evolveFinding(state: FindingState, event: FindingEvent): FindingState {
  switch (event.type) {
    case 'FindingRaised':
      return { status: 'open', ...event.data, resolvedAt: null };
    case 'FindingResolved':
      return state.status === 'none'
        ? state
        : { ...state, status: 'resolved', resolvedAt: event.data.resolvedAt };
    default: {
      const unknownEvent: never = event;
      throw new Error(`Unknown event ${JSON.stringify(unknownEvent)}`);
    }
  }
}

export const findingDecider: Decider<FindingCommand, FindingEvent, FindingState> = {
  decide: decideFinding,
  evolve: evolveFinding,
  initialState: initialFindingState,
};
