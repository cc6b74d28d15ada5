import { parse } from 'csv-parse/sync';
import { PlanScript } from '../../../projections/src/testing/plan-script';
import { buildCommitteeReport } from '../model/build-committee-report';
import { committeePaper } from '../paper/committee-paper';
import { asReportEvents, namedAfterId } from '../testing/scripted-report-events';
import { renderActionRowsCsv, spreadsheetSafe } from './action-rows.csv';
import { renderCommitteeReportHtml } from './committee-report.html';

const HEAD = `ah1-57-${'c'.repeat(64)}`;

function reportOf(script: PlanScript, asOf = '2026-04-30') {
  return buildCommitteeReport({
    inspectionId: 'i-1',
    asOf,
    since: '2026-03-15',
    events: asReportEvents(script.events),
    person: (userId) => ({ ...namedAfterId(userId), name: userId === 'o-1' ? 'Aisha Khan' : 'Tom <Lee>' }),
    auditHead: { digest: HEAD, position: 57n },
  })!;
}

const script = () => {
  const s = new PlanScript(new Date('2026-03-02T09:30:00Z'))
    .recordInspection('org-1', 'i-1', { letterDate: '2026-03-02', inspectionDates: ['2026-02-23'] })
    .raiseFinding(
      'i-1',
      'f-1',
      'priority_action',
      'immediately',
      'Strategy meetings are not held with police.',
    )
    .planAction('f-1', 'a-1', 'Agree a protocol with the police <draft>')
    .assign('a-1', 'o-1', '2026-04-01');
  s.at('2026-03-20T09:30:00Z').actionCommand('a-1', {
    type: 'RescheduleAction',
    data: { dueDate: '2026-04-15', reason: 'Police lead changed' },
  });
  s.at('2026-04-02T09:30:00Z').actionCommand('a-1', {
    type: 'RescheduleAction',
    data: { dueDate: '2026-04-20', reason: 'Health colleagues joined' },
  });
  return s
    .planAction('f-1', 'a-2', 'Train chairs of strategy meetings')
    .assign('a-2', 'o-2', '2026-04-10')
    .complete('a-2');
};

describe('the committee paper in HTML', () => {
  const html = renderCommitteeReportHtml(committeePaper(reportOf(script())));

  it('shows an action rescheduled twice with both moves and both reasons', () => {
    expect(html).toContain('Now due: 20 April 2026, moved twice');
    expect(html).toContain('20 March 2026: 1 April 2026 to 15 April 2026 – “Police lead changed”');
    expect(html).toContain('2 April 2026: 15 April 2026 to 20 April 2026 – “Health colleagues joined”');
  });

  it('says red when a priority action is overdue, and gives the rule', () => {
    expect(html).toContain('<strong class="govuk-tag govuk-tag--red">red</strong>');
    expect(html).toContain('At least one priority action is overdue.');
  });

  it('ends with the audit head and the command that checks it, and escapes what users typed', () => {
    expect(html).toContain(`<code>npx actionledger audit verify --head ${HEAD}</code>`);
    expect(html).toContain('Agree a protocol with the police &lt;draft&gt;');
    expect(html).toContain('Tom &lt;Lee&gt;');
    expect(html).not.toMatch(/<draft>|<Lee>|<link|<script|src=/);
  });

  it('counts the action completed but not verified apart from the verified ones', () => {
    expect(html).toContain(
      'No actions have been completed and verified by the lead; one action has been completed by its owner and awaits verification',
    );
    expect(html).toContain(
      'Train chairs of strategy meetings – completed 2 April 2026, awaiting verification',
    );
  });
});

describe('the action rows in CSV', () => {
  it('has one row per action with its owner by name, its moves and its status', () => {
    const rows = parse(renderActionRowsCsv(reportOf(script())), { columns: true }) as Record<
      string,
      string
    >[];
    expect(
      rows.map((row) => [row.action_id, row.owner, row.status, row.times_moved, row.verified_on]),
    ).toEqual([
      ['a-1', 'Aisha Khan', 'assigned', '2', ''],
      ['a-2', 'Tom <Lee>', 'completed', '0', ''],
    ]);
    expect(rows[0].moves).toBe(
      '2026-03-20: 2026-04-01 -> 2026-04-15 (Police lead changed); 2026-04-02: 2026-04-15 -> 2026-04-20 (Health colleagues joined)',
    );
  });

  it('keeps a cell a spreadsheet would run as a formula inert, and leaves dates and plain text alone', () => {
    expect(spreadsheetSafe('=HYPERLINK("http://evil")')).toBe(`'=HYPERLINK("http://evil")`);
    expect(spreadsheetSafe('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(spreadsheetSafe('-2+3')).toBe(`'-2+3`);
    expect(spreadsheetSafe('2026-04-01')).toBe('2026-04-01');
    expect(spreadsheetSafe('Audit – done')).toBe('Audit – done');
    expect(spreadsheetSafe(2)).toBe(2);
  });
});
