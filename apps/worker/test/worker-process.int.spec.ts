import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { findingStreamId } from '@actionledger/domain';
import { SqliteEventStore } from '@actionledger/event-store';
import { FINDING_RESOLUTION_REACTOR, ProjectionKeys } from '@actionledger/projections';
import { Redis } from 'ioredis';
import { dumpReadModels } from '../../../libs/projections/src/testing/redis-dump';
import { run } from '../../cli/test/run-cli';
import { SpawnedProcess } from './spawned-process';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const API = 'dist/apps/api/src/main.js';
const WORKER = 'dist/apps/worker/src/main.js';
const ORG = 'Durham County Council';

/** Polls `probe` until it returns something other than null (bounded: the test fails rather than hangs). */
async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 20_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`Not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

type Json = Record<string, unknown>;

/**
 * The production shape: the API with PROJECTIONS=off beside worker processes, all built (dist/), on one SQLite
 * file and one real Redis, under a key prefix of this test's own.
 */
describe('the worker process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'actionledger-worker-'));
  const prefix = `test-${basename(dataDir)}`;
  const rebuiltPrefix = `${prefix}-rebuilt`;
  const env = { DATA_DIR: dataDir, REDIS_URL, READ_MODEL_KEY_PREFIX: prefix, SQLITE_SYNCHRONOUS: 'NORMAL' };
  const redis = new Redis(REDIS_URL);
  const keys = new ProjectionKeys(prefix);
  const processes: SpawnedProcess[] = [];
  const start = (entry: string, name: string, extra: Json) => {
    const started = new SpawnedProcess(entry, { ...env, ...extra }, name);
    processes.push(started);
    return started;
  };

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.kill()));
    for (const pattern of [`${prefix}:*`, `${rebuiltPrefix}:*`]) {
      const left = await redis.keys(pattern);
      if (left.length > 0) await redis.unlink(...left);
    }
    redis.disconnect();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('projects the API’s writes, resumes from its checkpoint after SIGKILL applying nothing twice, and hands the lease over when its holder dies', async () => {
    const setup = await run(
      ['setup', '--org', ORG, '--email', 'lead@durham.example', '--name', 'A Lead'],
      env,
    );
    const lead = setup.out.trim().split('\n').at(-1)!;
    const ownerId = (
      await run(
        [
          'users',
          'add',
          '--org',
          ORG,
          '--email',
          'owner@durham.example',
          '--name',
          'An Owner',
          '--role',
          'owner',
        ],
        env,
      )
    ).out.trim();
    const owner = (await run(['tokens', 'create', '--email', 'owner@durham.example'], env)).out
      .trim()
      .split('\n')
      .at(-1)!;

    const api = start(API, 'api', { PORT: '0', PROJECTIONS: 'off' });
    const apiUrl = `http://127.0.0.1:${await api.port()}`;
    const call = async (token: string, method: string, path: string, body?: Json) => {
      const response = await fetch(`${apiUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body && JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Json };
    };
    const write = async (token: string, path: string, body: Json) => {
      const { status, body: answer } = await call(token, 'POST', path, body);
      if (status >= 300) throw new Error(`POST ${path}: ${status} ${JSON.stringify(answer)}`);
      return answer as { id: string; position: number };
    };
    const readyOf = async (worker: SpawnedProcess) =>
      (await (await fetch(`http://127.0.0.1:${await worker.port()}/ready`)).json()) as {
        runnerId: string;
        projecting: boolean;
      };
    /** The inspections list once the read models have passed `position` (?after= answers 503 until then). */
    const listedAfter = (position: number) =>
      until(`the read models pass position ${position}`, async () => {
        const { status, body } = await call(lead, 'GET', `/api/inspections?after=${position}`);
        return status === 200 ? body : null;
      });

    // A write through the API appears in the read model, projected by the worker, not by the API.
    const first = start(WORKER, 'worker-1', { WORKER_PORT: '0' });
    const firstReady = await readyOf(first);
    expect(firstReady.projecting).toBe(true);
    const inspection = await write(lead, '/api/inspections', {
      authority: ORG,
      inspectionType: 'contact_referral_assessment',
      inspectionDates: ['2026-11-10', '2026-11-11'],
      letterDate: '2026-11-18',
    });
    const listed = await listedAfter(inspection.position);
    expect((listed.items as Json[]).map((item) => item.inspectionId)).toEqual([inspection.id]);
    const apiHealth = (await (await fetch(`${apiUrl}/health`)).json()) as { projections: Json };
    expect(apiHealth.projections.leaseHolder).toBe(firstReady.runnerId);

    // Findings carried to verification, the worker killed half-way: the rest is written with nobody projecting.
    const findingIds: string[] = [];
    let last = inspection.position;
    for (let n = 0; n < 10; n += 1) {
      if (n === 5) await first.kill('SIGKILL');
      const finding = await write(lead, `/api/inspections/${inspection.id}/findings`, {
        category: 'priority_action',
        timescale: 'within_3_months',
        text: `Finding number ${n}`,
      });
      findingIds.push(finding.id);
      const action = await write(lead, `/api/findings/${finding.id}/actions`, { title: `Action ${n}` });
      await write(lead, `/api/actions/${action.id}/assign`, { ownerId, dueDate: '2027-01-29' });
      await write(owner, `/api/actions/${action.id}/complete`, { summary: 'Done' });
      last = (await write(lead, `/api/actions/${action.id}/verify`, {})).position;
    }
    const checkpoints = await redis.mget(
      keys.checkpoint('plans'),
      keys.checkpoint('follow-ups'),
      keys.reactor(FINDING_RESOLUTION_REACTOR, 'checkpoint'),
    );
    const resumeFrom = checkpoints.map((value) => BigInt(value ?? '0')).reduce((a, b) => (a < b ? a : b));
    expect(resumeFrom).toBeGreaterThan(0n);
    expect(resumeFrom).toBeLessThan(BigInt(last));

    // Two workers at once: one takes the dead one's lease once it expires, the other stands by.
    const second = start(WORKER, 'worker-2', { WORKER_PORT: '0' });
    const third = start(WORKER, 'worker-3', { WORKER_PORT: '0' });
    const [active, standby] = await until('one of the two new workers projects', async () => {
      const [a, b] = await Promise.all([readyOf(second), readyOf(third)]);
      if (!a.projecting && !b.projecting) return null;
      return a.projecting ? [second, third] : [third, second];
    });
    expect((await readyOf(standby)).projecting).toBe(false);
    await active.waitForOutput(new RegExp(`projects from log position ${resumeFrom}\\.`));

    // It went on from the checkpoint: every finding resolved once, the read models as a clean rebuild makes them.
    await listedAfter(last);
    const store = new SqliteEventStore(join(dataDir, 'events.db'), { synchronous: 'NORMAL' });
    try {
      await until('every finding resolved', async () => {
        const counts = await Promise.all(
          findingIds.map(async (id) => {
            const events = await store.readStream(findingStreamId(id));
            return events.filter((event) => event.type === 'FindingResolved').length;
          }),
        );
        return counts.every((count) => count === 1) ? counts : null;
      });
    } finally {
      await store.close();
    }
    const resolved = await call(lead, 'GET', `/api/findings/${findingIds[9]}`);
    expect(resolved.body.status).toBe('resolved');
    const head = (await (await fetch(`${apiUrl}/health`)).json()) as { projections: { head: string } };
    await until('the worker has passed the last resolution', async () => {
      const { status } = await call(lead, 'GET', `/api/inspections?after=${head.projections.head}`);
      return status === 200 ? true : null;
    });
    const rebuilt = await run(['projections', 'rebuild'], { ...env, READ_MODEL_KEY_PREFIX: rebuiltPrefix });
    expect(rebuilt.code).toBe(0);
    const withoutPrefix = (dump: Record<string, unknown>, of: string) =>
      Object.fromEntries(Object.entries(dump).map(([key, value]) => [key.slice(of.length), value]));
    expect(withoutPrefix(await dumpReadModels(redis, keys), prefix)).toEqual(
      withoutPrefix(await dumpReadModels(redis, new ProjectionKeys(rebuiltPrefix)), rebuiltPrefix),
    );

    // The holder dies: the stand-by takes over within the lease, and projects what comes next.
    await active.kill('SIGKILL');
    await until('the stand-by takes the lease', async () =>
      (await readyOf(standby)).projecting ? true : null,
    );
    const later = await write(lead, '/api/inspections', {
      authority: ORG,
      inspectionType: 'focused_visit',
      inspectionDates: ['2026-12-01'],
    });
    const after = await listedAfter(later.position);
    expect((after.items as Json[]).map((item) => item.inspectionId)).toContain(later.id);
  }, 120_000);
});
