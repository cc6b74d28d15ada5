import { PlanScript } from '../../../projections/src/testing/plan-script';
import { buildCommitteeReport } from '../model/build-committee-report';
import { asReportEvents, namedAfterId } from '../testing/scripted-report-events';
import { actionTakenLine, areaHeading } from './committee-paper';

describe('the lines of "how we are addressing the areas for development"', () => {
  it('date an action imported from a council report by the month the report gave, not the day it was imported', () => {
    const script = new PlanScript(new Date('2026-03-02T09:30:00Z'))
      .recordInspection('org-1', 'i-1', { letterDate: '2011-11-16', inspectionDates: ['2011-10-18'] })
      .raiseFinding(
        'i-1',
        'f-1',
        'area_for_development',
        'none',
        'Greater understanding of thresholds. Improved screening.',
      )
      .planAction('f-1', 'a-1', 'Analysis workshop held in Initial response team November 2011')
      .assign('a-1', 'o-1', '2026-04-01')
      .complete('a-1');
    const planned = script.events.find((event) => event.type === 'ActionPlanned')!;
    planned.data.recordedOn = '2011-11';
    const report = buildCommitteeReport({
      inspectionId: 'i-1',
      asOf: '2026-03-02',
      since: null,
      events: asReportEvents(script.events),
      person: namedAfterId,
      auditHead: null,
    })!;
    const [finding] = report.findings;
    expect(areaHeading(finding)).toBe('Greater understanding of thresholds');
    expect(actionTakenLine(finding.actions[0])).toBe(
      'Analysis workshop held in Initial response team November 2011 – completed November 2011, awaiting verification',
    );
  });
});
