import type { Decider } from '../shared/decider';
import { DomainRuleViolation } from '../shared/domain-rule-violation';
import { NotPermitted } from '../shared/not-permitted';

/**
 * Given events / when command / then events (or then a refusal), with no server:
 *   given([planned, assigned]).when(complete).then([completed]);
 *   given([planned]).when(complete).thenRefuses(/not been assigned/);
 *   given([planned, assigned, completed]).when(verifyBySameUser).thenForbids(/second pair of eyes/);
 */
export function deciderSpecification<Command, Event, State>(decider: Decider<Command, Event, State>) {
  return {
    given(events: Event[]) {
      return {
        when(command: Command) {
          const run = (): Event[] => {
            const state = events.reduce(decider.evolve, decider.initialState);
            return decider.decide(command, state);
          };
          return {
            then(expected: Event[]): void {
              expect(run()).toEqual(expected);
            },
            thenRefuses(reason: RegExp): void {
              expect(run).toThrow(DomainRuleViolation);
              expect(run).toThrow(reason);
            },
            /** The record allows the command, but not from this actor. */
            thenForbids(reason: RegExp): void {
              expect(run).toThrow(NotPermitted);
              expect(run).toThrow(reason);
            },
          };
        },
      };
    },
  };
}
