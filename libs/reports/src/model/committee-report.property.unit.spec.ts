import { addToCalendarDate } from '@actionledger/domain';
import fc from 'fast-check';
import { planSteps, playSteps } from '../../../projections/src/testing/random-plan-commands';
import { asReportEvents, namedAfterId } from '../testing/scripted-report-events';
import type { ReportEvent } from './report-event';
import { buildCommitteeReport } from './build-committee-report';

interface Counted {
  status: string;
  due: string | null;
  original: string | null;
  findingId: string;
  moves: string[];
  completedOn: string[];
  verifiedOn: string[];
  plannedOn: string;
}

/**
 * The counts straight from the events, by a fold written for this test alone (not the read models' evolve):
 * if the report's counts drift from what the log says, the two disagree.
 */
function countDirectly(
  events: readonly ReportEvent[],
  inspectionId: string,
  asOf: string,
  since: string | null,
) {
  const day = (event: ReportEvent) => event.occurredAt.slice(0, 10);
  const inPeriod = (d: string) => since === null || d >= since;
  const findings = new Map<string, string>();
  const actions = new Map<string, Counted>();
  let withdrawn = false;
  let recorded = false;
  for (const event of events) {
    if (day(event) > asOf) continue;
    const data = event.data as Record<string, string>;
    const action = actions.get(data.actionId);
    switch (event.type) {
      case 'InspectionRecorded':
        if (data.inspectionId === inspectionId) recorded = true;
        break;
      case 'InspectionWithdrawn':
        if (data.inspectionId === inspectionId) withdrawn = true;
        break;
      case 'FindingRaised':
        if (data.inspectionId === inspectionId && !findings.has(data.findingId))
          findings.set(data.findingId, data.category);
        break;
      case 'FindingAmended': {
        const changes = event.data.changes as { category?: string };
        if (findings.has(data.findingId) && changes.category) findings.set(data.findingId, changes.category);
        break;
      }
      case 'ActionPlanned':
        if (findings.has(data.findingId) && !actions.has(data.actionId)) {
          actions.set(data.actionId, {
            status: 'planned',
            due: null,
            original: null,
            findingId: data.findingId,
            moves: [],
            completedOn: [],
            verifiedOn: [],
            plannedOn: day(event),
          });
        }
        break;
      case 'ActionAssigned':
        if (action)
          Object.assign(action, {
            status: 'assigned',
            due: data.dueDate,
            original: action.original ?? data.dueDate,
          });
        break;
      case 'ActionReassigned':
        if (action) {
          if (action.due !== data.dueDate) action.moves.push(day(event));
          action.due = data.dueDate;
        }
        break;
      case 'ActionRescheduled':
        if (action) {
          action.moves.push(day(event));
          action.due = data.dueDate;
        }
        break;
      case 'ActionCompleted':
        if (action) {
          action.status = 'completed';
          action.completedOn.push(day(event));
        }
        break;
      case 'ActionVerified':
        if (action) {
          action.status = 'verified';
          action.verifiedOn.push(day(event));
        }
        break;
      case 'ActionReopened':
        if (action) action.status = 'assigned';
        break;
      case 'ActionWithdrawn':
        if (action) action.status = 'withdrawn';
        break;
    }
  }
  if (!recorded || withdrawn) return null;
  const live = [...actions.values()].filter((a) => a.status !== 'withdrawn');
  const open = live.filter((a) => a.status === 'assigned');
  const byCategory: Record<string, number> = {};
  for (const category of findings.values()) byCategory[category] = (byCategory[category] ?? 0) + 1;
  return {
    findingsByCategory: byCategory,
    actions: live.length,
    completedNotVerified: live.filter((a) => a.status === 'completed').length,
    verified: live.filter((a) => a.status === 'verified').length,
    planned: live.filter((a) => a.status === 'planned').length,
    withdrawn: actions.size - live.length,
    overdue: open.filter((a) => a.due! < asOf).length,
    overdueAgainstOriginal: open.filter((a) => a.original! < asOf).length,
    moved: live.filter((a) => a.moves.length > 0).length,
    since: {
      planned: live.filter((a) => inPeriod(a.plannedOn)).length,
      completed: live.filter((a) => a.completedOn.some(inPeriod)).length,
      verified: live.filter((a) => a.verifiedOn.some(inPeriod)).length,
      moves: live.reduce((sum, a) => sum + a.moves.filter(inPeriod).length, 0),
    },
    listed: live.length,
  };
}

describe('the committee report, for random valid histories', () => {
  it('gives every count as the events give it, as at any day and since any earlier day', () => {
    fc.assert(
      fc.property(
        planSteps(5, 80),
        fc.integer({ min: 0, max: 240 }),
        fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
        fc.constantFrom('i-a', 'i-b'),
        (steps, asOfDays, sinceDaysBefore, inspectionId) => {
          const events = asReportEvents(playSteps(steps).events);
          const asOf = addToCalendarDate('2026-03-01', { days: asOfDays });
          const since = sinceDaysBefore === null ? null : addToCalendarDate(asOf, { days: -sinceDaysBefore });
          const report = buildCommitteeReport({
            inspectionId,
            asOf,
            since,
            events,
            person: namedAfterId,
            auditHead: null,
          });
          const direct = countDirectly(events, inspectionId, asOf, since);
          if (direct === null) return expect(report).toBeNull();
          expect(report).not.toBeNull();
          const { counts } = report!;
          const { findingsByCategory, ...counted } = direct;
          const nonZero = Object.fromEntries(
            Object.entries(report!.findingsByCategory).filter(([, n]) => n > 0),
          );
          expect(nonZero).toEqual(findingsByCategory);
          expect({
            actions: counts.actions,
            completedNotVerified: counts.completedNotVerified,
            verified: counts.verified,
            planned: counts.byStatus.planned,
            withdrawn: counts.byStatus.withdrawn,
            overdue: counts.overdue,
            overdueAgainstOriginal: counts.overdueAgainstOriginal,
            moved: counts.moved,
            since: counts.since,
            listed: report!.findings.flatMap((f) => f.actions).filter((a) => a.status !== 'withdrawn').length,
          }).toEqual(counted);
        },
      ),
      { numRuns: 300 },
    );
  });
});
