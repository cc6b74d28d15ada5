import type { Decider, DomainCommand } from '../shared/decider';
import { DomainRuleViolation } from '../shared/domain-rule-violation';
import type { FindingCorrection, FindingEvent, FindingRaised } from './finding.events';

export type RaiseFinding = DomainCommand<'RaiseFinding', Omit<FindingRaised['data'], 'raisedAt'>>;
export type ResolveFinding = DomainCommand<
  'ResolveFinding',
  { findingId: string; verifiedActionIds: string[] }
>;
export type AmendFinding = DomainCommand<
  'AmendFinding',
  { findingId: string; changes: FindingCorrection; reason: string }
>;
export type ReopenFinding = DomainCommand<'ReopenFinding', { findingId: string; reason: string }>;
export type FindingCommand = RaiseFinding | ResolveFinding | AmendFinding | ReopenFinding;

export type FindingState =
  { status: 'none' } | ({ status: 'open' | 'resolved'; resolvedAt: string | null } & FindingRaised['data']);

export const initialFindingState: FindingState = { status: 'none' };

function refuse(reason: string): never {
  throw new DomainRuleViolation(reason);
}

function requireReason(reason: string, doing: string): string {
  const text = reason.trim();
  if (text === '') refuse(`A reason is required to ${doing} a finding.`);
  return text;
}

export function decideFinding(command: FindingCommand, state: FindingState): FindingEvent[] {
  const at = command.metadata.now.toISOString();
  if (command.type === 'RaiseFinding') {
    if (state.status !== 'none') refuse('This finding has already been raised.');
    if (command.data.text.trim() === '') refuse('A finding needs its text.');
    return [
      { type: 'FindingRaised', data: { ...command.data, text: command.data.text.trim(), raisedAt: at } },
    ];
  }
  if (state.status === 'none') refuse('There is no such finding.');
  const { findingId } = command.data;
  switch (command.type) {
    case 'ResolveFinding':
      if (state.status === 'resolved') refuse('This finding is already resolved.');
      if (command.data.verifiedActionIds.length === 0) {
        refuse('A finding is resolved only once it has actions and all are verified.');
      }
      return [{ type: 'FindingResolved', data: { ...command.data, resolvedAt: at } }];
    case 'AmendFinding': {
      const reason = requireReason(command.data.reason, 'amend');
      const wanted = { ...command.data.changes, text: command.data.changes.text?.trim() };
      if (wanted.text === '') refuse('A finding needs its text.');
      const changes: FindingCorrection = {};
      const previous: FindingCorrection = {};
      for (const field of ['text', 'category', 'timescale'] as const) {
        const value = wanted[field];
        if (value !== undefined && value !== state[field]) {
          Object.assign(changes, { [field]: value });
          Object.assign(previous, { [field]: state[field] });
        }
      }
      if (Object.keys(changes).length === 0) refuse('This amendment changes nothing on the finding.');
      return [{ type: 'FindingAmended', data: { findingId, changes, previous, reason, amendedAt: at } }];
    }
    case 'ReopenFinding': {
      if (state.status !== 'resolved')
        refuse('This finding is open: only a resolved finding can be reopened.');
      const reason = requireReason(command.data.reason, 'reopen');
      return [{ type: 'FindingReopened', data: { findingId, reason, reopenedAt: at } }];
    }
    default: {
      const unknownCommand: never = command;
      throw new Error(`Unknown finding command ${JSON.stringify(unknownCommand)}`);
    }
  }
}

export function evolveFinding(state: FindingState, event: FindingEvent): FindingState {
  if (event.type === 'FindingRaised') return { status: 'open', ...event.data, resolvedAt: null };
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'FindingResolved':
      return { ...state, status: 'resolved', resolvedAt: event.data.resolvedAt };
    case 'FindingAmended':
      return { ...state, ...event.data.changes };
    case 'FindingReopened':
      return { ...state, status: 'open', resolvedAt: null };
    default: {
      const unknownEvent: never = event;
      throw new Error(`Unknown finding event ${JSON.stringify(unknownEvent)}`);
    }
  }
}

export const findingDecider: Decider<FindingCommand, FindingEvent, FindingState> = {
  decide: decideFinding,
  evolve: evolveFinding,
  initialState: initialFindingState,
};
