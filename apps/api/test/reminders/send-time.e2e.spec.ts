import { timerJobId } from '@actionledger/reminders';
import type { Queue } from 'bullmq';
import { startTestApp, type TestApp } from '../test-app';
import { SmtpReceiver } from './smtp-receiver';
import {
  givenAssignedAction,
  reminderEvents,
  remindersEnv,
  remindersQueueOf,
  RunningClock,
  until,
} from './reminders-test-kit';

/** Messages go at the send time of a working day: a timer that comes due at a weekend waits for Monday 08:00. */
describe('the send time', () => {
  let smtp: SmtpReceiver;
  let t: TestApp;
  let queue: Queue;
  const clock = new RunningClock('2026-11-07T10:00:00.000Z'); // a Saturday

  beforeAll(async () => {
    smtp = new SmtpReceiver();
    const env = remindersEnv(smtp.url(await smtp.listen()), { REMINDER_SEND_AT: '08:00' });
    t = await startTestApp(undefined, clock, env);
    queue = remindersQueueOf(t);
  });
  afterAll(async () => {
    await queue.close();
    await t.close();
    await smtp.close();
  });

  /** When the job will run, on the app's clock. */
  const runsAt = async (jobId: string) => {
    const job = await queue.getJob(jobId);
    if (!job || (await job.getState()) !== 'delayed') return null;
    return job.timestamp + job.delay - Date.now() + clock.now().getTime();
  };

  it('holds a reminder that fell due at the weekend until 08:00 on Monday, even if its job runs early', async () => {
    // Due on Thursday 12 November: its due-soon reminder (5 November) has passed; Monday 9 November 08:00 is next.
    const actionId = await givenAssignedAction(t, '2026-11-12');
    const jobId = timerJobId('due_soon', actionId, '2026-11-12');
    const monday = Date.parse('2026-11-09T08:00:00.000Z');
    await until(async () => (await runsAt(jobId)) !== null);
    expect(Math.abs((await runsAt(jobId))! - monday)).toBeLessThan(2000);

    // Run it now, as a stale copy or an operator's "promote" would: the processor puts it back until Monday.
    await (await queue.getJob(jobId))!.promote();
    await until(async () => {
      const job = await queue.getJob(jobId);
      return job !== undefined && job.attemptsStarted > 0 && (await runsAt(jobId)) !== null;
    });
    expect(Math.abs((await runsAt(jobId))! - monday)).toBeLessThan(2000);
    expect(await reminderEvents(t.store, actionId)).toEqual([]);
    expect(smtp.messages).toEqual([]);
  }, 20_000);
});
