import { startTestApp, type TestApp } from '../test-app';
import { RemindersService } from '@actionledger/reminders';
import { SmtpReceiver } from './smtp-receiver';
import { givenAssignedAction, reminderEvents, remindersEnv, RunningClock, until } from './reminders-test-kit';

/** Scenario 4: two processes run the reminders on the same log and Redis; each reminder is sent once. */
describe('two workers at once', () => {
  let smtp: SmtpReceiver;
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    smtp = new SmtpReceiver();
    const env = remindersEnv(smtp.url(await smtp.listen()), { REMINDER_CONCURRENCY: '4' });
    const clock = new RunningClock('2026-11-02T09:00:00.000Z');
    first = await startTestApp(undefined, clock, env);
    second = await startTestApp(first.dataDir, clock, env);
  });
  afterAll(async () => {
    await second.app.close();
    await first.close();
    await smtp.close();
  });

  it('sends and records each reminder once', async () => {
    const actions: string[] = [];
    for (let i = 0; i < 12; i++)
      actions.push(await givenAssignedAction(i % 2 ? first : second, '2026-11-05'));
    // Both also work out the timers from the read models while the jobs run: nothing may double.
    await Promise.all([first, second].map((t) => t.app.get(RemindersService).reconcile()));

    await until(async () => {
      const recorded = await Promise.all(actions.map((id) => reminderEvents(first.store, id)));
      return recorded.every((events) => events.length === 1);
    }, 15_000);
    await Promise.all([first, second].map((t) => t.app.get(RemindersService).reconcile()));
    for (const actionId of actions) {
      const events = await reminderEvents(first.store, actionId);
      expect(events.map((e) => e.type)).toEqual(['ReminderSent']);
      const sent = smtp.messages.filter((m) => m.messageId.includes(actionId));
      expect(sent).toHaveLength(1);
      expect(sent[0].messageId).toBe(events[0].data.messageId);
    }
  }, 30_000);
});
