import type { FollowUpEvent } from '@actionledger/domain';
import { MemoryRedisModel } from '../testing/memory-redis-model';
import { given, specKeys as keys } from '../testing/plan-projection.spec-helper';
import { PlanScript } from '../testing/plan-script';
import type { ActionDoc, FindingDoc, InspectionDoc } from '../plans/plan-documents';
import { followUpsIndexKey, projectFollowUpBatch, type FollowUpDoc } from './follow-ups.projection';
import { buildFollowUpView } from './follow-ups.view';

const ORG = 'org-1';
const scheduled: FollowUpEvent = {
  type: 'FollowUpScheduled',
  data: {
    followUpId: 'u-1',
    organisationId: ORG,
    authority: 'Durham',
    expectedDate: '2027-01-12',
    followsInspectionId: 'i-1',
  },
};
const judged: FollowUpEvent = {
  type: 'FindingJudgedAtFollowUp',
  data: { followUpId: 'u-1', findingId: 'f-pa', judgement: 'partly_addressed', note: 'Better' },
};

function followUpsGiven(events: FollowUpEvent[]): MemoryRedisModel {
  const model = new MemoryRedisModel();
  for (const event of events) {
    const id = event.data.followUpId;
    const json = model.hget(keys.documents(ORG, 'follow-up'), id);
    model.apply(
      projectFollowUpBatch(
        keys,
        [event],
        new Map([[id, json === null ? null : (JSON.parse(json) as FollowUpDoc)]]),
      ),
    );
  }
  return model;
}

describe('the follow-ups read model', () => {
  it('given a follow-up and a judgement: its document and its place by expected date', () => {
    const model = followUpsGiven([scheduled, judged]);
    expect(JSON.parse(model.hget(keys.documents(ORG, 'follow-up'), 'u-1') ?? 'null')).toEqual({
      ...scheduled.data,
      judgements: { 'f-pa': { judgement: 'partly_addressed', note: 'Better' } },
    });
    expect(model.members(followUpsIndexKey(keys, ORG))).toEqual(['2027-01-12|u-1']);
  });

  it('is not updated by a judgement of a follow-up it never saw scheduled', () => {
    expect(followUpsGiven([judged]).hashes.size).toBe(0);
  });

  it('looks at the areas for priority action and for development, and is ready as far as their actions are verified', () => {
    const script = new PlanScript()
      .recordInspection(ORG, 'i-1')
      .raiseFinding('i-1', 'f-pa', 'priority_action')
      .raiseFinding('i-1', 'f-ad', 'area_for_development')
      .raiseFinding('i-1', 'f-s', 'strength')
      .planAction('f-pa', 'a-1')
      .assign('a-1', 'o', '2026-04-01')
      .complete('a-1')
      .verify('a-1')
      .planAction('f-ad', 'a-2')
      .assign('a-2', 'o', '2026-04-01')
      .complete('a-2');
    const then = given(script.events);
    const inspection = then.document(ORG, 'inspection', 'i-1') as InspectionDoc;
    const findings = inspection.findingIds.map((id) => then.document(ORG, 'finding', id) as FindingDoc);
    const actions = ['a-1', 'a-2'].map((id) => then.document(ORG, 'action', id) as ActionDoc);
    const doc = JSON.parse(
      followUpsGiven([scheduled, judged]).hget(keys.documents(ORG, 'follow-up'), 'u-1')!,
    ) as FollowUpDoc;
    const view = buildFollowUpView(doc, inspection, findings, actions);
    expect(view.findings.map((f) => [f.findingId, f.allVerified, f.judgement?.judgement ?? null])).toEqual([
      ['f-pa', true, 'partly_addressed'],
      ['f-ad', false, null],
    ]);
    expect(view.readiness).toBe(0.5);
  });
});
