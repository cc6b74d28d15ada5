import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { actionStreamId } from '@actionledger/domain';
import { PostgresEventStore } from '@actionledger/event-store';
import { addDays, londonDate, ProjectionKeys } from '@actionledger/projections';
import { Redis } from 'ioredis';
import { SmtpReceiver } from '../apps/api/test/reminders/smtp-receiver';
import { remindersEnv } from '../apps/api/test/reminders/reminders-test-kit';
import { run } from '../apps/cli/test/run-cli';
import { SpawnedProcess } from '../apps/worker/test/spawned-process';
import { dumpReadModels } from '../libs/projections/src/testing/redis-dump';
import { givenOperatorUsers } from './support/operator-users';
import {
  createTemporaryDatabase,
  type TemporaryDatabase,
} from '../libs/event-store/src/postgres/testing/temporary-database';

const API = 'dist/apps/api/src/main.js';
const WORKER = 'dist/apps/worker/src/main.js';
const ORG = 'Hartlepool Borough Council';
const ACTIONS = 6;

type Json = Record<string, unknown>;

async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 25_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`Not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Production's shape on one machine: two API processes (no projecting, no timers) and two workers (projections,
 * finding resolution, reminders), all built, on one PostgreSQL database and one Redis. Writes go through both
 * APIs; the workers share one lease; the one holding it dies with SIGKILL.
 */
describe('two APIs and two workers on one PostgreSQL database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'actionledger-production-'));
  const prefix = `test-${basename(dataDir)}`;
  const redis = new Redis();
  const smtp = new SmtpReceiver();
  const processes: SpawnedProcess[] = [];
  let database: TemporaryDatabase;

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.kill()));
    await smtp.close();
    for (const pattern of [`${prefix}:*`, `${prefix}-rebuilt:*`]) {
      const left = await redis.keys(pattern);
      if (left.length > 0) await redis.unlink(...left);
    }
    redis.disconnect();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('projects every event once, hands the lease over on SIGKILL, and sends each reminder once', async () => {
    database = await createTemporaryDatabase();
    const smtpPort = await smtp.listen();
    const env = {
      DATA_DIR: dataDir,
      EVENT_STORE: 'postgres',
      DATABASE_URL: database.url,
      READ_MODEL_KEY_PREFIX: prefix,
      ...remindersEnv(`smtp://127.0.0.1:${smtpPort}?ignoreTLS=true`),
    };
    const start = (entry: string, name: string, extra: Json) => {
      const started = new SpawnedProcess(entry, { ...env, ...extra }, name);
      processes.push(started);
      return started;
    };
    const { token: lead, ownerId } = await givenOperatorUsers(dataDir, env);

    const apis = [
      start(API, 'api-1', { PORT: '0', PROJECTIONS: 'off', REMINDERS: 'off' }),
      start(API, 'api-2', { PORT: '0', PROJECTIONS: 'off', REMINDERS: 'off' }),
    ];
    const apiUrls = await Promise.all(apis.map(async (api) => `http://127.0.0.1:${await api.port()}`));
    const workers = [
      start(WORKER, 'worker-1', { WORKER_PORT: '0' }),
      start(WORKER, 'worker-2', { WORKER_PORT: '0' }),
    ];
    const workerUrls = await Promise.all(workers.map(async (w) => `http://127.0.0.1:${await w.port()}`));

    let turn = 0;
    const write = async (path: string, body: Json) => {
      const url = apiUrls[turn++ % apiUrls.length]; // alternate between the two APIs
      const response = await fetch(`${url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${lead}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const answer = (await response.json()) as { id: string; position: number };
      if (response.status >= 300)
        throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(answer)}`);
      return answer;
    };
    const listedAfter = (position: number) =>
      until(`the read models pass position ${position}`, async () => {
        const response = await fetch(`${apiUrls[0]}/api/actions?after=${position}`, {
          headers: { authorization: `Bearer ${lead}` },
        });
        return response.status === 200 ? ((await response.json()) as { items: Json[] }) : null;
      });
    const projecting = async () => {
      const states = await Promise.all(
        workerUrls.map(
          async (url) => ((await (await fetch(`${url}/ready`)).json()) as { projecting: boolean }).projecting,
        ),
      );
      return states;
    };

    const inspection = await write('/api/inspections', {
      authority: ORG,
      inspectionType: 'contact_referral_assessment',
      inspectionDates: ['2026-11-10', '2026-11-11'],
    });
    const finding = await write(`/api/inspections/${inspection.id}/findings`, {
      category: 'priority_action',
      timescale: 'immediately',
      text: 'Ensure that referrals are acknowledged within one working day.',
    });
    // Due in three days: each due-soon reminder (seven days before) has passed, so each goes at once.
    const dueDate = addDays(londonDate(new Date()), 3);
    const actionIds: string[] = [];
    let last = 0;
    for (let n = 0; n < ACTIONS; n += 1) {
      const action = await write(`/api/findings/${finding.id}/actions`, { title: `Action ${n}` });
      actionIds.push(action.id);
      last = (await write(`/api/actions/${action.id}/assign`, { ownerId, dueDate })).position;
    }
    const listed = await listedAfter(last);
    expect(listed.items).toHaveLength(ACTIONS);
    const holders = await projecting();
    expect(holders.filter(Boolean)).toHaveLength(1);

    // Each reminder recorded once in the log and delivered once, whichever worker took its job.
    const store = new PostgresEventStore(database.url);
    try {
      const reminders = async () =>
        (await Promise.all(actionIds.map((id) => store.readStream(actionStreamId(id))))).map((events) =>
          events.filter((event) => event.type === 'ReminderSent'),
        );
      await until('every action has its due-soon reminder', async () =>
        (await reminders()).every((sent) => sent.length >= 1) ? true : null,
      );
      await until('every message is delivered', async () =>
        smtp.accepted().length >= ACTIONS ? true : null,
      );
      const sent = await reminders();
      expect(sent.map((events) => events.length)).toEqual(actionIds.map(() => 1));
      const messageIds = smtp.accepted().map((message) => message.messageId);
      expect(new Set(messageIds).size).toBe(ACTIONS);
      expect(new Set(messageIds)).toEqual(new Set(sent.map(([event]) => (event.data as Json).messageId)));
    } finally {
      await store.close();
    }

    // The lease holder dies; the other worker takes over and projects what the APIs write next.
    const holder = holders.indexOf(true);
    await workers[holder].kill('SIGKILL');
    const survivor = workerUrls[1 - holder];
    await until('the other worker takes the lease', async () => {
      const ready = (await (await fetch(`${survivor}/ready`)).json()) as { projecting: boolean };
      return ready.projecting ? true : null;
    });
    const later = await write(`/api/findings/${finding.id}/actions`, { title: 'Planned after the handover' });
    const after = await listedAfter(later.position);
    expect(after.items.map((item) => item.actionId)).toContain(later.id);

    // Every event projected once: the live read models are what a clean rebuild of the log makes.
    const rebuiltPrefix = `${prefix}-rebuilt`;
    expect(
      (await run(['projections', 'rebuild'], { ...env, READ_MODEL_KEY_PREFIX: rebuiltPrefix })).code,
    ).toBe(0);
    const withoutPrefix = (dump: Record<string, unknown>, of: string) =>
      Object.fromEntries(Object.entries(dump).map(([key, value]) => [key.slice(of.length), value]));
    expect(withoutPrefix(await dumpReadModels(redis, new ProjectionKeys(prefix)), prefix)).toEqual(
      withoutPrefix(await dumpReadModels(redis, new ProjectionKeys(rebuiltPrefix)), rebuiltPrefix),
    );
  }, 150_000);
});
