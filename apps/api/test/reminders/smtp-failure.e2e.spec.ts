import { startTestApp, type TestApp } from '../test-app';
import { SmtpReceiver } from './smtp-receiver';
import { givenAssignedAction, reminderEvents, remindersEnv, RunningClock, until } from './reminders-test-kit';

/**
 * Scenario 5: an SMTP server that refuses, or never answers. The job retries with backoff; after its attempts
 * the failure is recorded with its reason in the action's trail; the process keeps running, and the next
 * reminder goes out.
 */
describe('reminders when the SMTP server refuses or times out', () => {
  let smtp: SmtpReceiver;
  let t: TestApp;

  beforeAll(async () => {
    smtp = new SmtpReceiver();
    const port = await smtp.listen();
    t = await startTestApp(
      undefined,
      new RunningClock('2026-11-02T09:00:00.000Z'),
      remindersEnv(smtp.url(port)),
    );
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('retries, then records the failure with its reason, and still sends the next reminder', async () => {
    smtp.mode = 'refuse';
    // Due on Thursday: the due-soon reminder (7 days before) has passed, so it goes at once.
    const refused = await givenAssignedAction(t, '2026-11-05');
    await until(async () => (await reminderEvents(t.store, refused)).length === 1);
    const [failure] = await reminderEvents(t.store, refused);
    expect(failure.type).toBe('ReminderFailed');
    expect(failure.data).toMatchObject({ kind: 'due_soon', attempts: 3, dueDate: '2026-11-05' });
    expect(failure.data.reason).toMatch(/451/);
    // Three tries, each the same message.
    const tries = smtp.messages.filter((m) => m.messageId.includes(refused));
    expect(tries).toHaveLength(3);
    expect(new Set(tries.map((m) => m.messageId)).size).toBe(1);

    const history = await t.http.get(`/api/actions/${refused}/history`).expect(200);
    const entry = history.body.find((e: { type: string }) => e.type === 'ReminderFailed');
    expect(entry.why).toMatch(/451/);
    expect(entry.who.userId).toBe('system:reminders');
    expect(entry.recordedAt).toEqual(expect.any(String));

    smtp.mode = 'hang';
    const timedOut = await givenAssignedAction(t, '2026-11-05');
    await until(async () => (await reminderEvents(t.store, timedOut)).length === 1);
    const [timeout] = await reminderEvents(t.store, timedOut);
    expect(timeout.type).toBe('ReminderFailed');
    expect(timeout.data.reason).toMatch(/time/i);

    smtp.mode = 'accept';
    const next = await givenAssignedAction(t, '2026-11-05');
    await until(async () => (await reminderEvents(t.store, next)).length === 1);
    const [sent] = await reminderEvents(t.store, next);
    expect(sent.type).toBe('ReminderSent');
    expect(sent.data).toMatchObject({ kind: 'due_soon', notified: [t.users.owner.userId] });
    const delivered = smtp.accepted().filter((m) => m.messageId.includes(next));
    expect(delivered).toHaveLength(1);
    expect(delivered[0].to).toEqual(['owner@example.org']);
    expect(delivered[0].messageId).toBe(sent.data.messageId);
    await t.anonymous.get('/health').expect(200);
  }, 30_000);
});
