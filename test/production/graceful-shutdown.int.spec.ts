import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Redis } from 'ioredis';
import { findingStreamId } from '@actionledger/domain';
import { SqliteEventStore, type StoredEvent } from '@actionledger/event-store';
import { postJson, startApiProcess, type ApiProcess } from '../support/api-process';
import { givenOperatorUsers } from '../support/operator-users';

jest.setTimeout(120_000);

async function logOf(dataDir: string): Promise<StoredEvent[]> {
  const store = new SqliteEventStore(join(dataDir, 'events.db'));
  try {
    return await store.readAll();
  } finally {
    await store.close();
  }
}

interface Acknowledged {
  findingId: string;
  position: number;
}

describe('SIGTERM under load', () => {
  let dataDir: string;
  let prefix: string;
  let api: ApiProcess | undefined;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'actionledger-shutdown-'));
    prefix = `test-${basename(dataDir)}`;
  });
  afterEach(async () => {
    await api?.kill('SIGKILL');
    const redis = new Redis();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('finishes what it acknowledged, exits 0, and a restart carries on from where it stopped', async () => {
    const users = await givenOperatorUsers(dataDir);
    const env = { DATA_DIR: dataDir, READ_MODEL_KEY_PREFIX: prefix, SHUTDOWN_TIMEOUT_MS: '20000' };
    api = await startApiProcess(env);
    const baseUrl = api.baseUrl;
    const inspection = await postJson(
      baseUrl,
      '/api/inspections',
      {
        authority: 'Hartlepool Borough Council',
        inspectionType: 'contact_referral_assessment',
        inspectionDates: ['2026-11-10', '2026-11-11'],
      },
      users.authorization,
    );
    expect(inspection.status).toBe(201);

    const acknowledged: Acknowledged[] = [];
    const answers: number[] = [];
    let refusedConnections = 0;
    const writer = async (writerNumber: number) => {
      for (let i = 0; ; i++) {
        try {
          const { status, body } = await postJson(
            baseUrl,
            `/api/inspections/${inspection.body.id}/findings`,
            {
              category: 'area_for_development',
              text: `Writer ${writerNumber}, finding ${i}: improve supervision.`,
            },
            users.authorization,
          );
          answers.push(status);
          if (status === 201) acknowledged.push({ findingId: body.id!, position: body.position! });
        } catch {
          refusedConnections++; // the server has stopped listening: this writer is done
          return;
        }
      }
    };
    const writers = [1, 2, 3, 4].map(writer);
    while (acknowledged.length < 40) await new Promise((tick) => setTimeout(tick, 20));

    const exited = new Promise<number | null>((done) => api!.child.once('exit', (code) => done(code)));
    api.child.kill('SIGTERM');
    const code = await exited;
    await Promise.all(writers);

    expect({ code, output: code === 0 ? '' : api.output() }).toEqual({ code: 0, output: '' });
    expect(api.output()).toMatch(/"msg":"Stopped cleanly in \d+ ms"/);
    expect(refusedConnections).toBe(4);
    // No request in flight was cut off by a closed store: every answer was a 201 (or none, the connection refused).
    expect(answers.filter((status) => status !== 201)).toEqual([]);

    const log = await logOf(dataDir);
    for (const { findingId, position } of acknowledged) {
      const raised = log.find((event) => event.streamId === findingStreamId(findingId));
      expect(raised).toMatchObject({ type: 'FindingRaised', position: BigInt(position) });
    }

    // The same data folder, started again, projects what is left and takes new writes.
    api = await startApiProcess({ ...env, READY_MAX_LAG: '0' });
    const more = await postJson(
      api.baseUrl,
      `/api/inspections/${inspection.body.id}/findings`,
      { category: 'area_for_development', text: 'After the restart: audit the supervision records.' },
      users.authorization,
    );
    expect(more.status).toBe(201);
    const deadline = Date.now() + 30_000;
    let ready: Response;
    while (!(ready = await fetch(`${api.baseUrl}/ready`)).ok && Date.now() < deadline) {
      await new Promise((tick) => setTimeout(tick, 100));
    }
    expect(ready.status).toBe(200);
    const plan = await fetch(`${api.baseUrl}/api/inspections/${inspection.body.id}/plan`, {
      headers: users.authorization,
    });
    const planText = await plan.text();
    for (const { findingId } of [...acknowledged, { findingId: more.body.id! }]) {
      expect(planText).toContain(findingId);
    }
  });

  it('stops the worker too: exit code 0, its lease given up at once for the next worker', async () => {
    const worker = spawn(process.execPath, [join(__dirname, '../../dist/apps/worker/src/main.js')], {
      env: { ...process.env, DATA_DIR: dataDir, READ_MODEL_KEY_PREFIX: prefix, WORKER_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    worker.stdout.on('data', (chunk) => (output += chunk));
    worker.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((done) => worker.once('exit', (code) => done(code)));
    const deadline = Date.now() + 30_000;
    let port: string | undefined;
    while (!(port = /worker on http:\/\/localhost:(\d+)/.exec(output)?.[1]) && Date.now() < deadline) {
      await new Promise((tick) => setTimeout(tick, 50));
    }
    const ready = (await (await fetch(`http://127.0.0.1:${port}/ready`)).json()) as { projecting: boolean };
    expect(ready.projecting).toBe(true);
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toContain('actionledger_projection_lag_events{consumer="plans",app="worker"}');

    const redis = new Redis();
    const leases = (await redis.keys(`${prefix}*lease*`)).filter((key) => !key.includes('reminders'));
    expect(leases).not.toEqual([]);
    worker.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toMatch(/"msg":"Stopped cleanly in \d+ ms"/);
    const holders = await Promise.all(leases.map((key) => redis.get(key)));
    redis.disconnect();
    expect(holders).toEqual(leases.map(() => null));
  });
});
