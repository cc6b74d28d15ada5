import {
  evolveFindingResolution,
  initialFindingResolutionState,
  reactToFindingResolution,
} from './finding-resolution.process';

type AnyEvent = { type: string; data: Record<string, unknown> };
const plannedFor = (actionId: string, findingId = 'f-1'): AnyEvent => ({
  type: 'ActionPlanned',
  data: { actionId, findingId },
});
const verifiedEvent = (actionId: string): AnyEvent => ({ type: 'ActionVerified', data: { actionId } });
const reopened = (actionId: string): AnyEvent => ({ type: 'ActionReopened', data: { actionId } });

/** Feeds the events through the process and collects what it reacts with. */
function run(events: AnyEvent[]) {
  let state = initialFindingResolutionState;
  const reactions = [];
  for (const event of events) {
    state = evolveFindingResolution(state, event);
    const reaction = reactToFindingResolution(state, event);
    if (reaction) reactions.push(reaction);
  }
  return reactions;
}

describe('finding resolution', () => {
  it('resolves a finding when its last action is verified', () => {
    expect(run([plannedFor('a-2'), plannedFor('a-1'), verifiedEvent('a-1'), verifiedEvent('a-2')])).toEqual([
      { findingId: 'f-1', verifiedActionIds: ['a-1', 'a-2'] },
    ]);
  });
  it('waits while any action of the finding is unverified', () => {
    expect(run([plannedFor('a-1'), plannedFor('a-2'), verifiedEvent('a-1')])).toEqual([]);
    expect(
      run([
        plannedFor('a-1'),
        plannedFor('a-2'),
        verifiedEvent('a-1'),
        verifiedEvent('a-2'),
        reopened('a-1'),
      ]),
    ).toHaveLength(1);
    expect(
      run([
        plannedFor('a-1'),
        plannedFor('a-2'),
        verifiedEvent('a-1'),
        reopened('a-1'),
        verifiedEvent('a-2'),
      ]),
    ).toEqual([]);
  });
  it('keeps findings apart', () => {
    expect(run([plannedFor('a-1', 'f-1'), plannedFor('b-1', 'f-2'), verifiedEvent('b-1')])).toEqual([
      { findingId: 'f-2', verifiedActionIds: ['b-1'] },
    ]);
  });
  it('does not resolve a finding twice', () => {
    const resolvedEvent: AnyEvent = { type: 'FindingResolved', data: { findingId: 'f-1' } };
    expect(run([plannedFor('a-1'), verifiedEvent('a-1'), resolvedEvent, verifiedEvent('a-1')])).toHaveLength(
      1,
    );
  });
});

describe('finding resolution after corrections', () => {
  const event = (type: string, data: object) => ({ type, data });
  const run = (events: { type: string; data: unknown }[]) => {
    let state = initialFindingResolutionState;
    let last = null as ReturnType<typeof reactToFindingResolution>;
    for (const e of events) {
      state = evolveFindingResolution(state, e);
      last = reactToFindingResolution(state, e);
    }
    return last;
  };
  const planned = (actionId: string) => event('ActionPlanned', { actionId, findingId: 'f-1' });

  it('judges the finding on the actions that count: withdrawing the last open one resolves it', () => {
    expect(
      run([
        planned('a-1'),
        planned('a-2'),
        event('ActionVerified', { actionId: 'a-1' }),
        event('ActionWithdrawn', { actionId: 'a-2' }),
      ]),
    ).toEqual({ findingId: 'f-1', verifiedActionIds: ['a-1'] });
  });
  it('resolves a reopened finding again once its new action is verified', () => {
    expect(
      run([
        planned('a-1'),
        event('ActionVerified', { actionId: 'a-1' }),
        event('FindingResolved', { findingId: 'f-1' }),
        event('FindingReopened', { findingId: 'f-1' }),
        planned('a-2'),
        event('ActionVerified', { actionId: 'a-2' }),
      ]),
    ).toEqual({ findingId: 'f-1', verifiedActionIds: ['a-1', 'a-2'] });
  });
  it('does not resolve a finding whose only action was withdrawn', () => {
    expect(run([planned('a-1'), event('ActionWithdrawn', { actionId: 'a-1' })])).toBeNull();
  });
});
