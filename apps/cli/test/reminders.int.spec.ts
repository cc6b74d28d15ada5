import { basename } from 'node:path';
import { allTimerJobIds } from '@actionledger/reminders';
import type { Queue } from 'bullmq';
import { startTestApp, type TestApp } from '../../api/test/test-app';
import { givenAssignedAction, remindersQueueOf, until } from '../../api/test/reminders/reminders-test-kit';
import { run } from './run-cli';

describe('actionledger reminders reconcile', () => {
  let t: TestApp;
  let queue: Queue;
  beforeAll(async () => {
    t = await startTestApp(); // reminders off: the queue holds only what reconcile adds
    queue = remindersQueueOf(t);
  });
  afterAll(async () => {
    await queue.close();
    await t.close();
  });

  it('adds the timers the read models say must exist, once however often it runs', async () => {
    const open = [await givenAssignedAction(t, '2027-03-01'), await givenAssignedAction(t, '2027-03-08')];
    const done = await givenAssignedAction(t, '2027-03-01');
    await t.users.owner.http.post(`/api/actions/${done}/complete`).send({ summary: 'Done' }).expect(200);
    await until(async () => {
      const listed = await t.http.get('/api/actions?status=assigned').expect(200);
      return (listed.body.items ?? listed.body).length === 2;
    });

    const env = {
      DATA_DIR: t.dataDir,
      READ_MODEL_KEY_PREFIX: `test-${basename(t.dataDir)}`,
      REMINDER_SEND_AT: '08:00',
    };
    for (let i = 0; i < 2; i++) {
      const result = await run(['reminders', 'reconcile'], env);
      expect(result).toMatchObject({ code: 0 });
      expect(result.out).toMatch(/^8 timers for 2 open actions of 1 organisations are scheduled\./);
    }
    expect(await queue.getJobCountByTypes('delayed', 'wait')).toBe(8);
    const expected = [...allTimerJobIds(open[0], '2027-03-01'), ...allTimerJobIds(open[1], '2027-03-08')];
    for (const jobId of expected) expect(await queue.getJob(jobId)).toBeDefined();
    for (const jobId of allTimerJobIds(done, '2027-03-01')) expect(await queue.getJob(jobId)).toBeUndefined();
  }, 20_000);

  it('names a bad setting', async () => {
    const result = await run(['reminders', 'reconcile'], { REMINDER_SEND_AT: '8 o’clock' });
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/REMINDER_SEND_AT must be a time HH:MM/);
  });
});
