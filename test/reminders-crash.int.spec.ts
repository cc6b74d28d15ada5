import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Redis } from 'ioredis';
import { actionStreamId } from '@actionledger/domain';
import { createEventStore, eventStoreConfigFromEnv, type EventStore } from '@actionledger/event-store';
import { addDays, londonDate } from '@actionledger/projections';
import { SmtpReceiver } from '../apps/api/test/reminders/smtp-receiver';
import { remindersEnv, until } from '../apps/api/test/reminders/reminders-test-kit';
import { postJson, startApiProcess, type ApiProcess } from './support/api-process';
import { givenOperatorUsers } from './support/operator-users';

jest.setTimeout(60_000);

/**
 * Scenario 1: the API (from dist/, as `npm start` runs it) is killed with SIGKILL while it is sending a
 * reminder, after the SMTP server has the message but before it answers. Restarted, the reminder is recorded
 * once and delivered, every copy with one Message-ID.
 */
describe('the API killed with SIGKILL while sending a reminder', () => {
  let dataDir: string;
  let api: ApiProcess | undefined;
  let store: EventStore | undefined;
  const smtp = new SmtpReceiver();
  const redis = new Redis('redis://127.0.0.1:6379');

  beforeAll(() => (dataDir = mkdtempSync(join(tmpdir(), 'actionledger-reminder-crash-'))));
  afterAll(async () => {
    await api?.kill('SIGKILL');
    await store?.close();
    await smtp.close();
    for await (const keys of redis.scanStream({ match: `crash-${basename(dataDir)}:*` }) as AsyncIterable<
      string[]
    >)
      if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('records the reminder once and delivers it, with one Message-ID', async () => {
    const users = await givenOperatorUsers(dataDir);
    const port = await smtp.listen();
    const env = {
      DATA_DIR: dataDir,
      READ_MODEL_KEY_PREFIX: `crash-${basename(dataDir)}`,
      // A longer socket timeout than the other scenarios: the process must die while the server holds the message.
      ...remindersEnv(`smtp://127.0.0.1:${port}?ignoreTLS=true&socketTimeout=20000`),
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
    // Due in three days: its due-soon reminder (seven days before) has passed, so it goes at once.
    const dueDate = addDays(londonDate(new Date()), 3);
    expect((await post(`/api/actions/${actionId}/assign`, { ownerId: users.ownerId, dueDate })).status).toBe(
      200,
    );

    await until(() => smtp.messages.length === 1, 15_000);
    await api.kill('SIGKILL');
    store = createEventStore(eventStoreConfigFromEnv({ DATA_DIR: dataDir }));
    const remindersIn = async () =>
      (await store!.readStream(actionStreamId(actionId))).filter((e) => e.type === 'ReminderSent');
    expect(await remindersIn()).toHaveLength(0); // killed before the server answered: nothing recorded yet

    smtp.mode = 'accept';
    api = await startApiProcess(env);
    // The dead process's lock on the job lapses (REMINDER_LOCK_MS, 1 s); the new one takes the job over.
    await until(async () => (await remindersIn()).length === 1, 20_000);
    await until(() => smtp.accepted().length === 1);

    const [recorded] = await remindersIn();
    expect(recorded.data).toMatchObject({ kind: 'due_soon', dueDate, notified: [users.ownerId] });
    expect(smtp.messages.length).toBeGreaterThanOrEqual(2);
    expect(new Set(smtp.messages.map((m) => m.messageId))).toEqual(new Set([recorded.data.messageId]));
    expect(smtp.accepted()[0].to).toEqual(['owner@example.org']);
    await api.kill('SIGTERM');
    expect(await remindersIn()).toHaveLength(1);
  });
});
