import { at, metadata, organisationId, policy } from '../testing/fixtures';
import { drafted, row } from '../testing/plan-import.fixture';
import { evolvePlanImport, initialPlanImportState, type ConfirmPlanImport } from './plan-import.decider';
import type { PlanImportEvent } from './plan-import.events';
import {
  decidePlanImportConfirmation,
  MARKED_COMPLETE_IN_SHEET,
  newFindingsOf,
} from './plan-import-confirmation';
import type { FindingFacts } from '../action/action.decider';

const draftOf = (events: PlanImportEvent[]) => events.reduce(evolvePlanImport, initialPlanImportState);
const existing: FindingFacts = {
  findingId: 'f-old',
  organisationId,
  status: 'open',
  category: 'priority_action',
  timescale: 'within_3_months',
  countsFrom: '2012-01-20',
};
const facts = {
  inspection: { inspectionId: 'i-1', organisationId, countsFrom: '2012-01-20', withdrawn: false },
  findings: new Map([['f-old', existing]]),
};
const confirm = (actionIds: string[], findingIds: string[]): ConfirmPlanImport => ({
  type: 'ConfirmPlanImport',
  data: { draftId: 'p-1', inspectionId: 'i-1', findingIds, actionIds, rowNumbers: [] },
  metadata,
});

describe('confirming a plan import', () => {
  const rows = [
    row(4, { finding: { ...row(4).finding, findingId: 'f-old' }, notes: ['Audit begun.', 'Half done.'] }),
    row(5, { originalDueDate: '2026-03-31', dueDate: '2026-06-30' }),
    row(6, { status: 'complete', completedOn: '2026-02-01' }),
    row(7, { owner: { text: null, userId: null, matchedBy: null }, dueDate: null, status: 'not_started' }),
    row(9, { status: 'verified', completedOn: '2026-02-01', verifiedOn: '2026-02-10' }),
    row(8, { excluded: true }),
  ];
  const draft = draftOf([drafted(rows)]);

  it('records each included row as its events, on a finding matched or raised once for rows that share it', () => {
    expect(newFindingsOf(draft.status === 'none' ? (undefined as never) : draft.proposal)).toHaveLength(1);
    const writes = decidePlanImportConfirmation(
      confirm(['a-4', 'a-5', 'a-6', 'a-7', 'a-9'], ['f-new']),
      draft,
      facts,
      policy,
    );
    expect(
      writes.map((write) => [write.streamId, write.rowNumber, write.events.map((event) => event.type)]),
    ).toEqual([
      ['plan-import-p-1', null, ['PlanImportConfirmed']],
      ['finding-f-new', 5, ['FindingRaised']],
      ['action-a-4', 4, ['ActionPlanned', 'ActionAssigned', 'ProgressRecorded', 'ProgressRecorded']],
      ['action-a-5', 5, ['ActionPlanned', 'ActionAssigned', 'ActionRescheduled']],
      ['action-a-6', 6, ['ActionPlanned', 'ActionAssigned', 'ActionCompleted']],
      ['action-a-7', 7, ['ActionPlanned']],
      ['action-a-9', 9, ['ActionPlanned', 'ActionAssigned', 'ActionCompleted', 'ActionVerified']],
    ]);
    expect(writes[2].events[0].data).toMatchObject({ findingId: 'f-old', title: 'Action of row 4' });
    expect(writes[3].events[1].data).toMatchObject({ dueDate: '2026-03-31', dueDateSource: 'given' });
    expect(writes[3].events[2].data).toMatchObject({ previousDueDate: '2026-03-31', dueDate: '2026-06-30' });
    expect(writes[4].events[2].data).toMatchObject({
      completedBy: MARKED_COMPLETE_IN_SHEET,
      completedAt: '2026-02-01T00:00:00.000Z',
    });
    expect(writes[6].events[3].data).toMatchObject({ verifiedAt: '2026-02-10T00:00:00.000Z' });
    expect(writes[1].events[0].data).toMatchObject({
      inspectionId: 'i-1',
      countsFrom: '2012-01-20',
      raisedAt: at,
    });
  });

  it('names every row the action rules refuse, and records nothing', () => {
    const strength = { ...existing, findingId: 'f-strength', category: 'strength' as const };
    const badRows = [
      row(4, { finding: { ...row(4).finding, findingId: 'f-strength' } }),
      row(5, { finding: { ...row(5).finding, findingId: 'f-gone' } }),
    ];
    const run = () =>
      decidePlanImportConfirmation(
        confirm(['a-4', 'a-5'], []),
        draftOf([drafted(badRows)]),
        {
          ...facts,
          findings: new Map([['f-strength', strength]]),
        },
        policy,
      );
    expect(run).toThrow(
      /row 4: A finding of category "strength" needs no action.*; row 5: its finding is not one of this inspection's/,
    );
  });

  it('records the inspection too when the draft describes a new one', () => {
    const event = drafted([row(4)]);
    event.data.proposal.target = {
      newInspection: {
        authority: 'Durham',
        inspectionType: 'other',
        inspectionDates: ['2012-01-10'],
        letterDate: null,
        inspector: null,
        overallJudgement: null,
      },
    };
    const writes = decidePlanImportConfirmation(
      confirm(['a-4'], ['f-1']),
      draftOf([event]),
      { inspection: null, findings: new Map() },
      policy,
    );
    expect(writes.map((write) => write.streamId)).toEqual([
      'plan-import-p-1',
      'inspection-i-1',
      'finding-f-1',
      'action-a-4',
    ]);
    expect(writes[2].events[0].data).toMatchObject({ countsFrom: '2012-01-10' });
  });
});
