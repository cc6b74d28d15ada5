import { Redis } from 'ioredis';
import { basename } from 'node:path';
import { timerJobId } from '@actionledger/reminders';
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

/**
 * Scenario 2: Redis loses everything (queues, checkpoints, read models) while the app is down. After a restart
 * every due reminder still fires, and none fires twice. The Redis is shared with parallel suites, so
 * "everything" is every key of this install's prefix, which is all this install keeps there.
 */
describe('after Redis is emptied and the app restarts', () => {
  let smtp: SmtpReceiver;
  let t: TestApp;
  const redis = new Redis('redis://127.0.0.1:6379');
  const clock = new RunningClock('2026-11-09T23:59:56.000Z');

  afterAll(async () => {
    await t.close();
    await smtp.close();
    redis.disconnect();
  });

  async function flushInstall(prefix: string): Promise<number> {
    let removed = 0;
    for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 1000 }) as AsyncIterable<
      string[]
    >) {
      if (keys.length > 0) removed += await redis.del(...keys);
    }
    return removed;
  }

  it('fires the reminder that fell due while it was down, and not the one already sent', async () => {
    smtp = new SmtpReceiver();
    const env = remindersEnv(smtp.url(await smtp.listen()));
    t = await startTestApp(undefined, clock, env);
    const alreadySent = await givenAssignedAction(t, '2026-11-12'); // due soon since 5 November: sent now
    const fallsDue = await givenAssignedAction(t, '2026-11-17'); // due soon at midnight, a few seconds away
    await until(async () => (await reminderEvents(t.store, alreadySent)).length === 1);
    await t.app.close();

    expect(await flushInstall(`test-${basename(t.dataDir)}`)).toBeGreaterThan(0);
    await until(() => clock.now() >= new Date('2026-11-10T00:00:00.500Z'), 6000);
    t = await startTestApp(t.dataDir, clock, env);

    await until(async () => (await reminderEvents(t.store, fallsDue)).length === 1);
    const [sent] = await reminderEvents(t.store, fallsDue);
    expect(sent.data).toMatchObject({ kind: 'due_soon', dueDate: '2026-11-17' });

    // Absence by position: once the scheduler has followed the whole log, the sent one has no timer left.
    const head = (await t.store.readAll()).at(-1)!.position;
    const checkpoint = `test-${basename(t.dataDir)}:reminders:reactor:reminders:checkpoint`;
    await until(async () => BigInt((await redis.get(checkpoint)) ?? '0') >= head);
    const queue = remindersQueueOf(t);
    const job = await queue.getJob(timerJobId('due_soon', alreadySent, '2026-11-12'));
    expect(job === undefined || (await job.getState()) === 'completed').toBe(true);
    if (job) expect(job.returnvalue).toMatchObject({ status: 'already-recorded' });
    await queue.close();

    expect((await reminderEvents(t.store, alreadySent)).map((e) => e.type)).toEqual(['ReminderSent']);
    for (const actionId of [alreadySent, fallsDue]) {
      expect(smtp.messages.filter((m) => m.messageId.includes(actionId))).toHaveLength(1);
    }
  }, 30_000);
});
