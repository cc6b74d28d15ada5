import { PlanScript } from '../../../projections/src/testing/plan-script';
import { asReportEvents, namedAfterId } from '../testing/scripted-report-events';
import { buildCommitteeReport } from './build-committee-report';
import { dayOf } from './report-dates';

const ORG = 'org-1';
const plan = () =>
  new PlanScript(new Date('2026-03-02T09:30:00Z'))
    .recordInspection(ORG, 'i-1', { letterDate: '2026-03-02', inspectionDates: ['2026-02-23'] })
    .raiseFinding('i-1', 'f-pa', 'priority_action')
    .raiseFinding('i-1', 'f-ad', 'area_for_development')
    .raiseFinding('i-1', 'f-st', 'strength');

const report = (script: PlanScript, asOf: string, since: string | null = null) =>
  buildCommitteeReport({
    inspectionId: 'i-1',
    asOf,
    since,
    events: asReportEvents(script.events),
    person: namedAfterId,
    auditHead: null,
  })!;

const reschedule = (script: PlanScript, actionId: string, dueDate: string, reason: string) =>
  script.actionCommand(actionId, { type: 'RescheduleAction', data: { dueDate, reason } });

describe('the committee report', () => {
  it('shows both moves of an action rescheduled twice, with both reasons, and its first due date', () => {
    const script = plan()
      .planAction('f-ad', 'a-1', 'Audit children’s views')
      .assign('a-1', 'o-1', '2026-04-01');
    script.at('2026-03-20T09:30:00Z');
    reschedule(script, 'a-1', '2026-05-01', 'The auditor is on leave');
    script.at('2026-04-20T09:30:00Z');
    reschedule(script, 'a-1', '2026-06-01', 'The audit now covers two teams');
    const action = report(script, '2026-04-30').findings[1].actions[0];
    expect(action).toMatchObject({ originalDueDate: '2026-04-01', dueDate: '2026-06-01' });
    expect(action.moves).toEqual([
      {
        on: '2026-03-20',
        from: '2026-04-01',
        to: '2026-05-01',
        reason: 'The auditor is on leave',
        by: 'rescheduled',
      },
      {
        on: '2026-04-20',
        from: '2026-05-01',
        to: '2026-06-01',
        reason: 'The audit now covers two teams',
        by: 'rescheduled',
      },
    ]);
    // Overdue against the date first promised, not against the current one.
    expect(action).toMatchObject({ overdue: false, overdueAgainstOriginal: true });
    expect(report(script, '2026-04-30').counts).toMatchObject({
      overdue: 0,
      overdueAgainstOriginal: 1,
      moved: 1,
    });
  });

  it('never counts an action completed but not yet verified as verified', () => {
    const script = plan()
      .planAction('f-pa', 'a-1')
      .assign('a-1', 'o-1', '2026-04-01')
      .at('2026-03-10T09:30:00Z')
      .complete('a-1')
      .planAction('f-ad', 'a-2')
      .assign('a-2', 'o-1', '2026-04-01')
      .complete('a-2')
      .at('2026-03-12T09:30:00Z')
      .verify('a-2');
    const { counts, findings } = report(script, '2026-03-31');
    expect(counts).toMatchObject({ actions: 2, completedNotVerified: 1, verified: 1 });
    expect(findings[0].actions[0]).toMatchObject({
      status: 'completed',
      completedOn: '2026-03-10',
      verifiedOn: null,
    });
    expect(findings[1].actions[0]).toMatchObject({ status: 'verified', verifiedOn: '2026-03-12' });
  });

  it('is as at the day asked: later events are not in it, and "since" keeps only the period’s', () => {
    const script = plan()
      .planAction('f-pa', 'a-1')
      .assign('a-1', 'o-1', '2026-04-01')
      .at('2026-03-10T09:30:00Z')
      .complete('a-1')
      .at('2026-03-20T09:30:00Z')
      .verify('a-1');
    const early = report(script, '2026-03-15', '2026-03-05');
    expect(early.findings[0].actions[0]).toMatchObject({ status: 'completed', verifiedOn: null });
    expect(early.findings[0].actions[0].since.map((item) => item.event)).toEqual(['ActionCompleted']);
    expect(early.counts.since).toEqual({ planned: 0, completed: 1, verified: 0, moves: 0 });
    expect(report(script, '2026-03-20').counts.verified).toBe(1);
  });

  it('sets out the findings that take actions by category, in the letter’s order, with owners by name', () => {
    const script = plan()
      .raiseFinding('i-1', 'f-ad2', 'area_for_development')
      .planAction('f-ad2', 'a-1')
      .assign('a-1', 'o-7');
    const result = report(script, '2026-03-03');
    expect(result.findings.map((f) => f.findingId)).toEqual(['f-pa', 'f-ad', 'f-ad2']);
    expect(result.strengths).toEqual(['Finding f-st']);
    expect(result.findingsByCategory).toMatchObject({
      priority_action: 1,
      area_for_development: 2,
      strength: 1,
    });
    expect(result.findings[2].actions[0].owner).toEqual({
      userId: 'o-7',
      name: 'Name of o-7',
      roles: ['owner'],
    });
  });

  it('reads the plan deadline with the read models’ rule, met once every finding has an assigned action', () => {
    const script = plan().planAction('f-pa', 'a-1').assign('a-1', 'o-1', '2026-04-01');
    // 20 working days from 2 March 2026, as the plan page says.
    expect(report(script, '2026-03-05').deadline).toMatchObject({
      date: '2026-03-30',
      workingDays: 20,
      met: null,
    });
    expect(report(script, '2026-04-01').deadline.met).toBe(false);
    script.planAction('f-ad', 'a-2').assign('a-2', 'o-1', '2026-04-01');
    expect(report(script, '2026-04-01').deadline.met).toBe(true);
  });

  it('is null for an inspection the events do not hold or one withdrawn', () => {
    expect(report(plan(), '2026-03-05')).not.toBeNull();
    expect(
      buildCommitteeReport({
        inspectionId: 'i-9',
        asOf: '2026-03-05',
        since: null,
        events: [],
        person: namedAfterId,
        auditHead: null,
      }),
    ).toBeNull();
    expect(report(plan().withdrawInspection('i-1'), '2026-03-05')).toBeNull();
  });
});

describe('the day an event fell on', () => {
  it('is the day in England, in summer time too', () => {
    expect(dayOf('2026-06-30T23:30:00.000Z')).toBe('2026-07-01');
    expect(dayOf('2026-06-30T22:59:59.999Z')).toBe('2026-06-30');
    expect(dayOf('2026-12-31T23:30:00.000Z')).toBe('2026-12-31');
    // The clocks go back at 01:00 UTC on 25 October 2026.
    expect(dayOf('2026-10-24T23:10:00.000Z')).toBe('2026-10-25');
  });
});

describe('the follow-up inspections in the committee report', () => {
  it('lists those scheduled on the inspection with their readiness: the share of its findings all verified', () => {
    const script = plan()
      .planAction('f-pa', 'a-1')
      .assign('a-1', 'o-1', '2026-04-01')
      .complete('a-1')
      .verify('a-1')
      .planAction('f-ad', 'a-2')
      .assign('a-2', 'o-1', '2026-04-01');
    const scheduled = (followUpId: string, followsInspectionId: string, position: bigint) => ({
      streamId: `follow-up-${followUpId}`,
      type: 'FollowUpScheduled',
      data: {
        followUpId,
        organisationId: ORG,
        authority: 'Durham County Council',
        expectedDate: '2027-01-12',
        followsInspectionId,
      },
      position,
      occurredAt: '2026-03-03T09:00:00Z',
    });
    const events = [
      ...asReportEvents(script.events),
      scheduled('u-1', 'i-1', 900n),
      scheduled('u-2', 'i-other', 901n),
    ];
    const result = buildCommitteeReport({
      inspectionId: 'i-1',
      asOf: '2026-03-05',
      since: null,
      events,
      person: namedAfterId,
      auditHead: null,
    })!;
    expect(result.followUps).toEqual([
      {
        followUpId: 'u-1',
        expectedDate: '2027-01-12',
        findingsLookedAt: 2,
        findingsReady: 1,
        readiness: 0.5,
      },
    ]);
  });
});
