import { deciderSpecification } from '../testing/decider-specification';
import { at, metadata, organisationId } from '../testing/fixtures';
import { findingDecider, type RaiseFinding, type ResolveFinding } from './finding.decider';
import type { ActionAddedToFinding, FindingRaised, FindingResolved } from './finding.events';

const spec = deciderSpecification(findingDecider);

const raise: RaiseFinding = {
  type: 'RaiseFinding',
  data: {
    findingId: 'finding-1',
    inspectionId: 'insp-1',
    organisationId,
    category: 'priority_action',
    timescale: 'immediately',
    countsFrom: '2026-02-18',
    text: '  Ensure that all contacts are screened by a qualified social worker. ',
  },
  metadata,
};
const raised: FindingRaised = {
  type: 'FindingRaised',
  data: { ...raise.data, text: raise.data.text.trim(), raisedAt: at },
};
const resolve: ResolveFinding = {
  type: 'ResolveFinding',
  data: { findingId: 'finding-1', verifiedActionIds: ['a-1', 'a-2'] },
  metadata,
  actions: { 'a-1': 'verified', 'a-2': 'verified' },
};
const added = (actionId: string): ActionAddedToFinding => ({
  type: 'ActionAddedToFinding',
  data: { findingId: 'finding-1', actionId, addedAt: at },
});
const resolved: FindingResolved = { type: 'FindingResolved', data: { ...resolve.data, resolvedAt: at } };

describe('RaiseFinding', () => {
  it('raises a finding with its text trimmed', () => {
    spec.given([]).when(raise).then([raised]);
  });
  it('refuses to raise it twice', () => {
    spec
      .given([raised])
      .when(raise)
      .thenRefuses(/already been raised/);
  });
  it('refuses a finding without text', () => {
    spec
      .given([])
      .when({ ...raise, data: { ...raise.data, text: '   ' } })
      .thenRefuses(/needs its text/);
  });
});

describe('ResolveFinding', () => {
  it('resolves an open finding', () => {
    spec.given([raised]).when(resolve).then([resolved]);
  });
  it('refuses anything on a resolved finding', () => {
    spec
      .given([raised, resolved])
      .when(resolve)
      .thenRefuses(/already resolved/);
    spec
      .given([raised, resolved])
      .when(raise)
      .thenRefuses(/already been raised/);
  });
  it('refuses to resolve a finding that does not exist', () => {
    spec
      .given([])
      .when(resolve)
      .thenRefuses(/no such finding/);
  });
  it('refuses to resolve a finding with no verified actions', () => {
    spec
      .given([raised])
      .when({ ...resolve, data: { findingId: 'finding-1', verifiedActionIds: [] } })
      .thenRefuses(/all are verified/);
  });
  it('refuses while an action planned on the finding since is not verified, whatever the process counted', () => {
    spec
      .given([raised, added('a-1'), added('a-2'), added('a-3')])
      .when({ ...resolve, actions: { ...resolve.actions, 'a-3': 'planned' } })
      .thenRefuses(/action a-3 is not verified/);
  });
  it('refuses when an action it counted has been reopened since', () => {
    spec
      .given([raised])
      .when({ ...resolve, actions: { 'a-1': 'verified', 'a-2': 'assigned' } })
      .thenRefuses(/action a-2 is not verified/);
  });
  it('leaves withdrawn actions out, and records the actions it found verified', () => {
    spec
      .given([raised, added('a-1'), added('a-2'), added('a-3')])
      .when({ ...resolve, actions: { ...resolve.actions, 'a-3': 'withdrawn' } })
      .then([resolved]);
  });
});

describe('AddActionToFinding', () => {
  const add = (actionId: string) =>
    ({ type: 'AddActionToFinding', data: { findingId: 'finding-1', actionId }, metadata }) as const;
  it('records each action planned for the finding', () => {
    spec
      .given([raised])
      .when(add('a-1'))
      .then([added('a-1')]);
  });
  it('refuses an action on a resolved finding, which must be reopened first', () => {
    spec
      .given([raised, resolved])
      .when(add('a-3'))
      .thenRefuses(/reopen the finding first/);
  });
  it('refuses the same action twice, and a finding that does not exist', () => {
    spec
      .given([raised, added('a-1')])
      .when(add('a-1'))
      .thenRefuses(/already on the finding/);
    spec
      .given([])
      .when(add('a-1'))
      .thenRefuses(/no such finding/);
  });
});

describe('AmendFinding', () => {
  const amend = (changes: object, reason = 'Typed from the wrong page of the letter') =>
    ({ type: 'AmendFinding', data: { findingId: 'finding-1', changes, reason }, metadata }) as const;
  it('records what changed, before and after, with the reason', () => {
    spec
      .given([raised])
      .when(amend({ category: 'area_for_development', timescale: 'immediately', text: ' New text ' }))
      .then([
        {
          type: 'FindingAmended',
          data: {
            findingId: 'finding-1',
            changes: { text: 'New text', category: 'area_for_development' },
            previous: { text: raised.data.text, category: 'priority_action' },
            reason: 'Typed from the wrong page of the letter',
            amendedAt: at,
          },
        },
      ]);
  });
  it('refuses an amendment without a reason, or one that changes nothing', () => {
    spec
      .given([raised])
      .when(amend({ text: 'New text' }, '  '))
      .thenRefuses(/reason is required/);
    spec
      .given([raised])
      .when(amend({ timescale: 'immediately' }))
      .thenRefuses(/changes nothing/);
  });
});

describe('ReopenFinding', () => {
  const reopen = {
    type: 'ReopenFinding',
    data: { findingId: 'finding-1', reason: 'A second action is needed' },
    metadata,
  } as const;
  it('opens a resolved finding again, with the reason', () => {
    spec
      .given([raised, resolved])
      .when(reopen)
      .then([
        {
          type: 'FindingReopened',
          data: { findingId: 'finding-1', reason: 'A second action is needed', reopenedAt: at },
        },
      ]);
  });
  it('refuses to reopen an open finding', () => {
    spec
      .given([raised])
      .when(reopen)
      .thenRefuses(/only a resolved finding can be reopened/);
  });
  it('lets a reopened finding resolve again', () => {
    spec
      .given([
        raised,
        resolved,
        { type: 'FindingReopened', data: { findingId: 'finding-1', reason: 'x', reopenedAt: at } },
      ])
      .when(resolve)
      .then([resolved]);
  });
});
