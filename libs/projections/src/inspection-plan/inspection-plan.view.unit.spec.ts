import { given } from '../testing/plan-projection.spec-helper';
import { PlanScript } from '../testing/plan-script';
import type { ActionDoc, FindingDoc, InspectionDoc } from '../plans/plan-documents';
import { buildPlanView } from './inspection-plan.view';
import { planDeadline } from './plan-deadline';
import { PLAN_RAG_RULE, ragStatus } from './plan-rag.rule';

const ORG = 'org-1';

function plan(script: PlanScript, inspectionId = 'i-1') {
  const then = given(script.events);
  const inspection = then.document(ORG, 'inspection', inspectionId) as InspectionDoc;
  const findings = inspection.findingIds.map((id) => then.document(ORG, 'finding', id) as FindingDoc);
  const actions = findings.flatMap((f) =>
    f.actionIds.map((id) => then.document(ORG, 'action', id) as ActionDoc),
  );
  return { inspection, findings, actions };
}

const base = () =>
  new PlanScript(new Date('2026-03-02T09:30:00Z'))
    .recordInspection(ORG, 'i-1', { letterDate: '2026-03-02', inspectionDates: ['2026-02-23'] })
    .raiseFinding('i-1', 'f-pa', 'priority_action')
    .raiseFinding('i-1', 'f-ad', 'area_for_development');

describe('an inspection plan', () => {
  it('given actions on two findings: counts by status, completed and verified shares apart, often-moved flagged', () => {
    const script = base()
      .planAction('f-pa', 'a-1')
      .assign('a-1', 'o-1', '2026-04-01')
      .complete('a-1')
      .verify('a-1')
      .planAction('f-ad', 'a-2')
      .assign('a-2', 'o-2', '2026-04-01')
      .complete('a-2')
      .planAction('f-ad', 'a-3')
      .assign('a-3', 'o-2', '2026-04-01')
      .reschedule('a-3', '2026-04-02')
      .reschedule('a-3', '2026-04-03')
      .reschedule('a-3', '2026-04-04')
      .planAction('f-ad', 'a-4');
    const { inspection, findings, actions } = plan(script);
    const view = buildPlanView(inspection, findings, actions, '2026-03-10');
    expect(view.actions).toEqual({
      total: 4,
      byStatus: { planned: 1, assigned: 1, completed: 1, verified: 1, withdrawn: 0 },
      overdue: 0,
    });
    expect(view.completedShare).toBe(0.5);
    expect(view.verifiedShare).toBe(0.25);
    expect(view.findings.map((f) => [f.findingId, f.actions.map((a) => a.actionId)])).toEqual([
      ['f-pa', ['a-1']],
      ['f-ad', ['a-2', 'a-3', 'a-4']],
    ]);
    const moved = view.findings[1].actions.find((a) => a.actionId === 'a-3');
    expect(moved).toMatchObject({ timesMoved: 3, rescheduledOften: true, originalDueDate: '2026-04-01' });
    expect(view.findings[1].actions.find((a) => a.actionId === 'a-2')?.rescheduledOften).toBe(false);
    expect(view.rag).toEqual({ status: 'green', rule: PLAN_RAG_RULE });
  });

  it('is red when a priority action is overdue, amber when another is, judged on the day asked', () => {
    const script = base()
      .planAction('f-pa', 'a-1')
      .assign('a-1', 'o-1', '2026-04-01')
      .planAction('f-ad', 'a-2')
      .assign('a-2', 'o-2', '2026-03-20');
    const { actions } = plan(script);
    expect(ragStatus(actions, '2026-03-20')).toBe('green');
    expect(ragStatus(actions, '2026-03-21')).toBe('amber');
    expect(ragStatus(actions, '2026-04-02')).toBe('red');
    const view = buildPlanView(plan(script).inspection, plan(script).findings, actions, '2026-04-04');
    expect(view.findings[0].actions[0]).toMatchObject({ overdue: true, daysOverdue: 3 });
    expect(view.actions.overdue).toBe(2);
  });

  it('is amber when an open action due within 14 days has had no progress in 30 days, green once it has', () => {
    const stalled = base().planAction('f-ad', 'a-1').assign('a-1', 'o-1', '2026-04-20');
    expect(ragStatus(plan(stalled).actions, '2026-04-10')).toBe('amber');
    expect(ragStatus(plan(stalled).actions, '2026-03-25')).toBe('green');
    const progressed = stalled.at('2026-04-01T10:00:00Z').progress('a-1');
    expect(ragStatus(plan(progressed).actions, '2026-04-10')).toBe('green');
  });

  it("is due 20 working days after the letter when there are priority actions, 70 otherwise, in England's working days", () => {
    const { inspection, findings } = plan(base());
    // From Monday 2 March 2026: 20 working days, Good Friday (3 April) not reached.
    expect(planDeadline(inspection, findings)).toEqual({
      date: '2026-03-30',
      workingDays: 20,
      from: '2026-03-02',
      source: 'rule',
    });
    const withoutPriority = findings.filter((f) => f.category !== 'priority_action');
    // 14 weeks of weekdays reach Monday 8 June; Good Friday, Easter Monday and the May bank holidays add 4.
    expect(planDeadline(inspection, withoutPriority)).toEqual({
      date: '2026-06-12',
      workingDays: 70,
      from: '2026-03-02',
      source: 'rule',
    });
    expect(planDeadline({ ...inspection, letterDate: null }, findings).date).toBeNull();
  });
  it('takes the deadline the letter set, in working days or as a fixed date, over the default rule', () => {
    const { inspection, findings } = plan(base());
    expect(planDeadline({ ...inspection, planDeadline: { workingDays: 70 } }, findings)).toEqual({
      date: '2026-06-12',
      workingDays: 70,
      from: '2026-03-02',
      source: 'letter',
    });
    expect(planDeadline({ ...inspection, planDeadline: { date: '2026-05-01' } }, findings)).toEqual({
      date: '2026-05-01',
      workingDays: null,
      from: '2026-03-02',
      source: 'letter',
    });
  });
});
