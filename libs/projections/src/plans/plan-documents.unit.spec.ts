import { actionsListKey } from '../actions-list/actions-list.index';
import { openActionsKey } from '../overdue-report/open-actions.index';
import { ownerOpenActionsKey } from '../owner-actions/owner-actions.index';
import { given, projectInMemory, specKeys as keys } from '../testing/plan-projection.spec-helper';
import { PlanScript } from '../testing/plan-script';

const ORG = 'org-durham';

function onePlan() {
  return new PlanScript()
    .recordInspection(ORG, 'i-1')
    .raiseFinding('i-1', 'f-1', 'priority_action')
    .planAction('f-1', 'a-1');
}

describe('the plan documents', () => {
  it('given an inspection, a finding and an action: each document, linked to its parent and its organisation', () => {
    const then = given(onePlan().events);
    expect(then.document(ORG, 'inspection', 'i-1')).toMatchObject({
      organisationId: ORG,
      findingIds: ['f-1'],
    });
    expect(then.document(ORG, 'finding', 'f-1')).toMatchObject({ inspectionId: 'i-1', actionIds: ['a-1'] });
    expect(then.document(ORG, 'action', 'a-1')).toEqual({
      actionId: 'a-1',
      findingId: 'f-1',
      inspectionId: 'i-1',
      organisationId: ORG,
      category: 'priority_action',
      title: 'Action a-1',
      status: 'planned',
      ownerId: null,
      dueDate: null,
      originalDueDate: null,
      timesMoved: 0,
      plannedAt: '2026-03-02T09:30:00.000Z',
      lastActivityAt: '2026-03-02T09:30:00.000Z',
      completedAt: null,
      verifiedAt: null,
      sequence: '00000000000000000003',
    });
    expect(then.index(keys.index(ORG, 'inspections'))).toEqual(['2026-02-18|2026-03-02T09:30:00.000Z|i-1']);
  });

  it('keeps the original due date and counts every move of it', () => {
    const script = onePlan()
      .assign('a-1', 'owner-1', '2026-04-01')
      .reschedule('a-1', '2026-05-01')
      .reassign('a-1', 'owner-2', '2026-06-01')
      .reassign('a-1', 'owner-3');
    const then = given(script.events);
    expect(then.document(ORG, 'action', 'a-1')).toMatchObject({
      status: 'assigned',
      ownerId: 'owner-3',
      dueDate: '2026-06-01',
      originalDueDate: '2026-04-01',
      timesMoved: 2,
    });
    expect(then.index(openActionsKey(keys, ORG, 'current'))).toEqual(['2026-06-01|a-1']);
    expect(then.index(openActionsKey(keys, ORG, 'original', 'priority_action'))).toEqual(['2026-04-01|a-1']);
    expect(then.index(ownerOpenActionsKey(keys, ORG, 'owner-1'))).toEqual([]);
    expect(then.index(ownerOpenActionsKey(keys, ORG, 'owner-3'))).toEqual(['2026-06-01|a-1']);
    expect(then.index(actionsListKey(keys, ORG, 'owner-3'))).toEqual(['00000000000000000003|a-1']);
  });

  it('takes a completed action out of the open indexes, and a reopened one back in', () => {
    const completed = onePlan().assign('a-1', 'owner-1', '2026-04-01').complete('a-1');
    expect(given(completed.events).index(openActionsKey(keys, ORG, 'current'))).toEqual([]);
    const reopened = completed.verify('a-1').reopen('a-1');
    const then = given(reopened.events);
    expect(then.index(openActionsKey(keys, ORG, 'current'))).toEqual(['2026-04-01|a-1']);
    expect(then.document(ORG, 'action', 'a-1')).toMatchObject({ status: 'assigned', verifiedAt: null });
  });

  it('keeps each organisation apart', () => {
    const script = onePlan()
      .recordInspection('org-other', 'i-2')
      .raiseFinding('i-2', 'f-2')
      .planAction('f-2', 'a-2');
    const then = given(script.events);
    expect(then.document(ORG, 'action', 'a-2')).toBeNull();
    expect(then.document('org-other', 'action', 'a-2')).toMatchObject({ inspectionId: 'i-2' });
    expect(then.index(actionsListKey(keys, ORG))).toEqual(['00000000000000000003|a-1']);
  });

  it('is not updated by an event it has already applied (a repeated root event changes nothing)', () => {
    const script = onePlan();
    const repeated = [...script.events, { ...script.events[2], position: 4n }];
    expect(given(repeated).model).toEqual(given(script.events).model);
  });

  it('leaves the same documents whether events come one by one or in batches', () => {
    const script = onePlan()
      .assign('a-1', 'owner-1', '2026-04-01')
      .planAction('f-1', 'a-2')
      .assign('a-2', 'owner-2', '2026-03-20')
      .reschedule('a-1', '2026-04-20')
      .complete('a-2')
      .verify('a-2');
    expect(projectInMemory(script.events, 4)).toEqual(projectInMemory(script.events, 1));
    expect(projectInMemory(script.events, 100)).toEqual(projectInMemory(script.events, 1));
  });
  it('given evidence attached to an action: the action was last active then', () => {
    const script = onePlan()
      .at('2026-03-09T14:00:00Z')
      .actionCommand('a-1', {
        type: 'AttachEvidence',
        data: {
          files: [
            { fileName: 'audit.pdf', mediaType: 'application/pdf', size: 1200, sha256: 'a'.repeat(64) },
          ],
        },
      });
    expect(given(script.events).document(ORG, 'action', 'a-1')).toMatchObject({
      status: 'planned',
      lastActivityAt: '2026-03-09T14:00:00.000Z',
    });
  });
});
