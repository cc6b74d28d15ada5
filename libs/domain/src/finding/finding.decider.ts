import type { ActionStatus } from '../action/action.decider';
import type { Decider, DomainCommand } from '../shared/decider';
import { DomainRuleViolation } from '../shared/domain-rule-violation';
import type { FindingCorrection, FindingEvent, FindingRaised } from './finding.events';

export type RaiseFinding = DomainCommand<'RaiseFinding', Omit<FindingRaised['data'], 'raisedAt'>>;
export type ResolveFinding = DomainCommand<
  'ResolveFinding',
  { findingId: string; verifiedActionIds: string[] }
> & {
  /**
   * The status of every action the finding knows of and every one the process counted, as their streams say
   * now (the handler reads them): the finding resolves only if each that counts is verified.
   */
  actions: Readonly<Record<string, ActionStatus>>;
};
/** Sent with PlanAction, in one write: the finding records each action planned for it. */
export type AddActionToFinding = DomainCommand<'AddActionToFinding', { findingId: string; actionId: string }>;
export type AmendFinding = DomainCommand<
  'AmendFinding',
  { findingId: string; changes: FindingCorrection; reason: string }
>;
export type ReopenFinding = DomainCommand<'ReopenFinding', { findingId: string; reason: string }>;
export type FindingCommand =
  RaiseFinding | ResolveFinding | AmendFinding | ReopenFinding | AddActionToFinding;

export type FindingState =
  | { status: 'none' }
  | ({
      status: 'open' | 'resolved';
      resolvedAt: string | null;
      /** Actions planned through the API since ActionAddedToFinding exists (a letter's are counted by the process). */
      actionIds: string[];
    } & FindingRaised['data']);

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
    case 'ResolveFinding': {
      if (state.status === 'resolved') refuse('This finding is already resolved.');
      const known = [...new Set([...state.actionIds, ...command.data.verifiedActionIds])];
      const counting = known.filter((actionId) => command.actions[actionId] !== 'withdrawn').sort();
      if (counting.length === 0) {
        refuse('A finding is resolved only once it has actions and all are verified.');
      }
      const unverified = counting.filter((actionId) => command.actions[actionId] !== 'verified');
      if (unverified.length > 0) {
        refuse(`This finding cannot be resolved: action ${unverified.join(', ')} is not verified.`);
      }
      return [{ type: 'FindingResolved', data: { findingId, verifiedActionIds: counting, resolvedAt: at } }];
    }
    case 'AddActionToFinding':
      if (state.status === 'resolved') {
        refuse('The finding this action serves is resolved; reopen the finding first.');
      }
      if (state.actionIds.includes(command.data.actionId)) refuse('This action is already on the finding.');
      return [{ type: 'ActionAddedToFinding', data: { ...command.data, addedAt: at } }];
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
  if (event.type === 'FindingRaised')
    return { status: 'open', ...event.data, resolvedAt: null, actionIds: [] };
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'FindingResolved':
      return { ...state, status: 'resolved', resolvedAt: event.data.resolvedAt };
    case 'FindingAmended':
      return { ...state, ...event.data.changes };
    case 'FindingReopened':
      return { ...state, status: 'open', resolvedAt: null };
    case 'ActionAddedToFinding':
      return { ...state, actionIds: [...state.actionIds, event.data.actionId] };
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
