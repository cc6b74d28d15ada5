import { allTimerJobIds, timerJobId } from '@actionledger/reminders';
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

/** Scenario 3: rescheduling moves an action's reminders, and the old ones never fire. */
describe('rescheduling an action', () => {
  let smtp: SmtpReceiver;
  let t: TestApp;
  let queue: Queue;

  beforeAll(async () => {
    smtp = new SmtpReceiver();
    const port = await smtp.listen();
    t = await startTestApp(
      undefined,
      new RunningClock('2026-11-02T09:00:00.000Z'),
      remindersEnv(smtp.url(port)),
    );
    queue = remindersQueueOf(t);
  });
  afterAll(async () => {
    await queue.close();
    await t.close();
    await smtp.close();
  });

  const jobState = async (jobId: string) => (await queue.getJob(jobId))?.getState() ?? 'absent';

  it('replaces the timers of the old due date with those of the new one', async () => {
    const actionId = await givenAssignedAction(t, '2026-11-30');
    const old = allTimerJobIds(actionId, '2026-11-30');
    await until(async () => (await Promise.all(old.map(jobState))).every((s) => s === 'delayed'));

    await t.http
      .post(`/api/actions/${actionId}/reschedule`)
      .send({ dueDate: '2026-11-05', reason: 'The audit must be done before the board meets' })
      .expect(200);

    // The new due-soon reminder (29 October) has passed: it goes at once, for the new date.
    await until(async () => (await reminderEvents(t.store, actionId)).length === 1);
    const [sent] = await reminderEvents(t.store, actionId);
    expect(sent.type).toBe('ReminderSent');
    expect(sent.data).toMatchObject({ kind: 'due_soon', dueDate: '2026-11-05' });
    expect(await Promise.all(old.map(jobState))).toEqual(['absent', 'absent', 'absent', 'absent']);
    for (const kind of ['due', 'overdue', 'escalation'] as const) {
      expect(await jobState(timerJobId(kind, actionId, '2026-11-05'))).toBe('delayed');
    }
    expect(smtp.accepted().filter((m) => m.messageId.includes(actionId))).toHaveLength(1);
  }, 20_000);

  it('drops, unsent, a timer of the old date that was already running when the date moved', async () => {
    const actionId = await givenAssignedAction(t, '2026-11-30');
    await t.http
      .post(`/api/actions/${actionId}/reschedule`)
      .send({ dueDate: '2026-12-21', reason: 'More time agreed' })
      .expect(200);
    // As if the old due-soon job had been taken by a worker just before the reschedule removed it.
    const stale = timerJobId('due_soon', actionId, '2026-11-30');
    await until(async () => (await jobState(stale)) === 'absent');
    const before = await t.eventCount();
    await queue.add('timer', { actionId, kind: 'due_soon', dueDate: '2026-11-30' }, { jobId: stale });
    await until(async () => (await jobState(stale)) === 'completed');
    expect((await queue.getJob(stale))!.returnvalue).toMatchObject({ status: 'dropped' });
    expect(await t.eventCount()).toBe(before);
    expect(smtp.messages.filter((m) => m.messageId.includes(actionId))).toHaveLength(0);
  }, 20_000);

  it('cancels the timers of a completed action, and sets them again when it is reopened', async () => {
    const actionId = await givenAssignedAction(t, '2026-11-30');
    const timers = allTimerJobIds(actionId, '2026-11-30');
    await until(async () => (await Promise.all(timers.map(jobState))).every((s) => s === 'delayed'));
    await t.users.owner.http
      .post(`/api/actions/${actionId}/complete`)
      .send({ summary: 'All contacts audited' })
      .expect(200);
    await until(async () => (await Promise.all(timers.map(jobState))).every((s) => s === 'absent'));
    await t.http.post(`/api/actions/${actionId}/reopen`).send({ reason: 'Sample incomplete' }).expect(200);
    await until(async () => (await Promise.all(timers.map(jobState))).every((s) => s === 'delayed'));
  }, 20_000);

  it('moves the escalation when the finding stops being a priority action', async () => {
    const actionId = await givenAssignedAction(t, '2026-11-30');
    const escalation = timerJobId('escalation', actionId, '2026-11-30');
    const runsAt = async () => {
      const job = await queue.getJob(escalation);
      return job ? job.timestamp + job.delay : null;
    };
    await until(async () => (await runsAt()) !== null);
    const asPriority = (await runsAt())!;
    const { body: action } = await t.http.get(`/api/actions/${actionId}`).expect(200);
    await t.http
      .post(`/api/findings/${action.findingId}/amend`)
      .send({ category: 'recommendation', reason: 'The letter calls it a recommendation' })
      .expect(200);
    // Escalated 28 days after the due date instead of 14: two weeks later.
    await until(async () => ((await runsAt()) ?? 0) - asPriority > 13 * 24 * 3600 * 1000);
    expect((await runsAt())! - asPriority).toBeGreaterThan(13 * 24 * 3600 * 1000);
    expect((await runsAt())! - asPriority).toBeLessThan(15 * 24 * 3600 * 1000);
  }, 20_000);
});
