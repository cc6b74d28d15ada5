import { startTestApp, type TestApp } from '../test-app';
import { SmtpReceiver } from './smtp-receiver';
import { givenAssignedAction, reminderEvents, remindersEnv, RunningClock, until } from './reminders-test-kit';

/** What is sent to whom: overdue to the owner and the leads, escalation to the leads and the board. */
describe('who is told, and what the message says', () => {
  let smtp: SmtpReceiver;
  let t: TestApp;

  beforeAll(async () => {
    smtp = new SmtpReceiver();
    const env = remindersEnv(smtp.url(await smtp.listen()));
    t = await startTestApp(undefined, new RunningClock('2026-11-02T09:00:00.000Z'), env);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('records an action falling overdue and its escalation, each told to the right people', async () => {
    // Due on 1 October: overdue since the 2nd, and past the 14 days after which a priority action escalates.
    const actionId = await givenAssignedAction(t, '2026-10-01');
    await until(async () => (await reminderEvents(t.store, actionId)).length === 2);
    const events = await reminderEvents(t.store, actionId);
    const overdue = events.find((e) => e.type === 'ActionFellOverdue')!;
    const escalated = events.find((e) => e.type === 'ActionEscalated')!;
    const { owner, lead, secondLead, board } = t.users;
    expect(new Set(overdue.data.notified as string[])).toEqual(
      new Set([owner.userId, lead.userId, secondLead.userId]),
    );
    expect(new Set(escalated.data.notified as string[])).toEqual(
      new Set([lead.userId, secondLead.userId, board.userId]),
    );
    expect(escalated.data).toMatchObject({ daysOverdue: 14, dueDate: '2026-10-01' });
    // "Due soon" and "due" had been overtaken by the time the action was assigned: neither was sent.
    expect(events).toHaveLength(2);

    const escalation = smtp.accepted().find((m) => m.messageId === escalated.data.messageId)!;
    expect(new Set(escalation.to)).toEqual(
      new Set(['lead@example.org', 'secondlead@example.org', 'board@example.org']),
    );
    expect(escalation.subject).toMatch(
      /Escalated: Audit every contact received in October is 14 days overdue/,
    );
    const body = escalation.body;
    expect(body).toMatch(/text\/plain/);
    expect(body).toMatch(/text\/html/);
    expect(body).toMatch(/Thursday, 1 October 2026/);
    expect(body).toMatch(/Durham County Council, contact referral assessment inspection/);
    expect(body).toMatch(/priority action: Ensure that all contacts are screened promptly/);
    expect(body).toContain(`https://actionledger.example.gov.uk/api/actions/${actionId}`);
    expect(body).toMatch(/owned by Test owner/);

    const trail = await t.http.get(`/api/audit?stream=action-${actionId}`).expect(200);
    const types = trail.body.map((e: { type: string; who: { name: string } }) => e.type);
    expect(types).toEqual(expect.arrayContaining(['ActionFellOverdue', 'ActionEscalated']));
  }, 20_000);
});
