import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Redis } from 'ioredis';
import { actionStreamId } from '@actionledger/domain';
import { SqliteEventStore } from '@actionledger/event-store';
import { addDays, londonDate } from '@actionledger/projections';
import { SmtpReceiver } from '../../apps/api/test/reminders/smtp-receiver';
import { remindersEnv, until } from '../../apps/api/test/reminders/reminders-test-kit';
import { postJson, startApiProcess, type ApiProcess } from '../support/api-process';
import { givenOperatorUsers } from '../support/operator-users';

jest.setTimeout(90_000);

async function remindersSent(dataDir: string, actionId: string) {
  const store = new SqliteEventStore(join(dataDir, 'events.db'));
  try {
    return (await store.readStream(actionStreamId(actionId))).filter(
      (event) => event.type === 'ReminderSent',
    );
  } finally {
    await store.close();
  }
}

/** SIGTERM while a reminder is half-sent (the SMTP server has it and has not answered): the job ends first. */
describe('SIGTERM while a reminder job runs', () => {
  let dataDir: string;
  let api: ApiProcess | undefined;
  const smtp = new SmtpReceiver();

  beforeAll(() => (dataDir = mkdtempSync(join(tmpdir(), 'actionledger-term-job-'))));
  afterAll(async () => {
    await api?.kill('SIGKILL');
    await smtp.close();
    const redis = new Redis();
    const keys = await redis.keys(`term-${basename(dataDir)}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lets the job finish and record its reminder, exits 0, and the restarted process sends nothing twice', async () => {
    const users = await givenOperatorUsers(dataDir);
    const port = await smtp.listen();
    const env = {
      DATA_DIR: dataDir,
      READ_MODEL_KEY_PREFIX: `term-${basename(dataDir)}`,
      SHUTDOWN_TIMEOUT_MS: '30000',
      ...remindersEnv(`smtp://127.0.0.1:${port}?ignoreTLS=true&socketTimeout=25000`),
    };
    smtp.mode = 'hang';
    api = await startApiProcess(env);
    const post = (path: string, body: unknown) => postJson(api!.baseUrl, path, body, users.authorization);
    const inspection = await post('/api/inspections', {
      authority: 'Hartlepool Borough Council',
      inspectionType: 'contact_referral_assessment',
      inspectionDates: ['2026-10-20'],
    });
    const finding = await post(`/api/inspections/${inspection.body.id}/findings`, {
      category: 'priority_action',
      timescale: 'immediately',
      text: 'Ensure that referrals are acknowledged within one working day.',
    });
    const action = await post(`/api/findings/${finding.body.id}/actions`, {
      title: 'Acknowledge every referral',
    });
    const actionId = action.body.id!;
    const dueDate = addDays(londonDate(new Date()), 3); // its due-soon reminder is due now
    expect((await post(`/api/actions/${actionId}/assign`, { ownerId: users.ownerId, dueDate })).status).toBe(
      200,
    );
    await until(() => smtp.messages.length === 1, 15_000); // the job is in flight, waiting for the server

    const exited = new Promise<number | null>((done) => api!.child.once('exit', (code) => done(code)));
    api.child.kill('SIGTERM');
    await until(() => /SIGTERM: finishing the work in flight/.test(api!.output()), 10_000);
    expect(api.child.exitCode).toBeNull(); // still waiting for the job
    smtp.release();
    expect(await exited).toBe(0);
    const recorded = await remindersSent(dataDir, actionId);
    expect(recorded).toHaveLength(1);
    expect(recorded[0].data).toMatchObject({ kind: 'due_soon', messageId: smtp.messages[0].messageId });

    smtp.mode = 'accept';
    api = await startApiProcess(env);
    await until(() => /Reconciled \d+ timers/.test(api!.output()), 15_000);
    const again = await post(`/api/actions/${actionId}/progress`, { note: 'Still going after the restart' });
    expect(again.status).toBe(200);
    expect(await remindersSent(dataDir, actionId)).toHaveLength(1);
    expect(smtp.messages).toHaveLength(1);
    await api.kill('SIGTERM');
    expect(api.child.exitCode).toBe(0);
  });

  it('gives up after SHUTDOWN_TIMEOUT_MS when the job does not end: exit code 1, a line saying so', async () => {
    const timeoutDir = mkdtempSync(join(tmpdir(), 'actionledger-term-timeout-'));
    const users = await givenOperatorUsers(timeoutDir);
    const hung = new SmtpReceiver();
    const port = await hung.listen();
    hung.mode = 'hang';
    api = await startApiProcess({
      DATA_DIR: timeoutDir,
      READ_MODEL_KEY_PREFIX: `term-${basename(dataDir)}-timeout`,
      SHUTDOWN_TIMEOUT_MS: '1500',
      ...remindersEnv(`smtp://127.0.0.1:${port}?ignoreTLS=true&socketTimeout=60000`),
    });
    try {
      const post = (path: string, body: unknown) => postJson(api!.baseUrl, path, body, users.authorization);
      const inspection = await post('/api/inspections', {
        authority: 'Hartlepool Borough Council',
        inspectionType: 'contact_referral_assessment',
        inspectionDates: ['2026-10-20'],
      });
      const finding = await post(`/api/inspections/${inspection.body.id}/findings`, {
        category: 'priority_action',
        timescale: 'immediately',
        text: 'Ensure that referrals are acknowledged within one working day.',
      });
      const action = await post(`/api/findings/${finding.body.id}/actions`, {
        title: 'Acknowledge referrals',
      });
      const dueDate = addDays(londonDate(new Date()), 3);
      await post(`/api/actions/${action.body.id}/assign`, { ownerId: users.ownerId, dueDate });
      await until(() => hung.messages.length === 1, 15_000);

      const exited = new Promise<number | null>((done) => api!.child.once('exit', (code) => done(code)));
      api.child.kill('SIGTERM');
      expect(await exited).toBe(1);
      expect(api.output()).toMatch(/"msg":"Shutdown took longer than 1500 ms: exiting anyway"/);
    } finally {
      await hung.close();
      rmSync(timeoutDir, { recursive: true, force: true });
    }
  });
});
