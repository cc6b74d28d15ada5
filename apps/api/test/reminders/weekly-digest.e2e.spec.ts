import { RemindersService, WEEKLY_DIGEST_SCHEDULER } from '@actionledger/reminders';
import type { Queue } from 'bullmq';
import { startTestApp, type TestApp } from '../test-app';
import { SmtpReceiver } from './smtp-receiver';
import {
  givenAssignedAction,
  remindersEnv,
  remindersQueueOf,
  RunningClock,
  until,
} from './reminders-test-kit';

describe('the weekly digest', () => {
  let smtp: SmtpReceiver;
  let t: TestApp;
  let queue: Queue;
  const clock = new RunningClock('2026-11-02T09:00:00.000Z'); // a Monday

  beforeAll(async () => {
    smtp = new SmtpReceiver();
    const env = remindersEnv(smtp.url(await smtp.listen()), { REMINDER_SEND_AT: '08:30' });
    t = await startTestApp(undefined, clock, env);
    queue = remindersQueueOf(t);
  });
  afterAll(async () => {
    await queue.close();
    await t.close();
    await smtp.close();
  });

  it('is a BullMQ job scheduler on weekdays at the send time in London', async () => {
    const scheduler = await queue.getJobScheduler(WEEKLY_DIGEST_SCHEDULER);
    expect(scheduler).toMatchObject({ pattern: '30 8 * * 1-5', tz: 'Europe/London' });
  });

  it("tells each owner their open actions and each lead the plan's overdue and due-soon lists", async () => {
    const overdue = await givenAssignedAction(t, '2026-10-01');
    const dueSoon = await givenAssignedAction(t, '2026-11-05');
    const later = await givenAssignedAction(t, '2027-01-15');
    await until(async () => {
      const listed = await t.http.get('/api/actions?status=assigned').expect(200);
      return (listed.body.items ?? listed.body).length === 3;
    });
    const before = smtp.messages.length;
    const { sent } = await t.app.get(RemindersService).digest();
    const digests = smtp.messages.slice(before).filter((m) => m.messageId.startsWith('<digest.'));
    // The owner, and the two leads of Durham; the other organisation's people hear nothing.
    expect(sent).toBe(3);
    const toOwner = digests.find((m) => m.to[0] === 'owner@example.org')!;
    expect(toOwner.subject).toBe('Your open actions this week (3)');
    for (const id of [overdue, dueSoon, later]) expect(toOwner.body).toContain(id);
    const toLead = digests.find((m) => m.to[0] === 'lead@example.org')!;
    expect(toLead.subject).toBe('This week: 1 overdue, 1 due soon');
    expect(toLead.body).toContain(overdue);
    expect(toLead.body).toContain(dueSoon);
    expect(toLead.body).not.toContain(later);
  }, 20_000);

  it('waits for the first working day of the week', async () => {
    clock.set('2026-11-03T09:00:00.000Z'); // a Tuesday after a working Monday
    expect(await t.app.get(RemindersService).digest()).toEqual({ sent: 0 });
    clock.set('2026-12-29T09:00:00.000Z'); // Tuesday after the Boxing Day substitute Monday
    expect((await t.app.get(RemindersService).digest()).sent).toBeGreaterThan(0);
  }, 20_000);
});
