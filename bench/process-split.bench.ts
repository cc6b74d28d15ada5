import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { ProjectionKeys } from '@actionledger/projections';
import { Redis } from 'ioredis';
import { postJson, startApiProcess, type ApiProcess } from '../test/support/api-process';
import { assignedActions } from '../test/support/assigned-actions';
import { givenOperatorUsers, type OperatorUsers } from '../test/support/operator-users';
import { median } from './bench-stats';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const WORKER = join(__dirname, '..', 'apps/worker/src/main.js');
const LOAD_ACTIONS = 50;

const percentile = (values: readonly number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))];

/** One install: the API projecting inside (`one`), or the API alone beside a worker process (`split`). */
interface Install {
  api: ApiProcess;
  worker?: ChildProcess;
  users: OperatorUsers;
  keys: ProjectionKeys;
  probeAction: string;
  loadActions: string[];
  dataDir: string;
}

async function startInstall(shape: 'one' | 'split'): Promise<Install> {
  const dataDir = mkdtempSync(join(tmpdir(), `actionledger-bench-${shape}-`));
  const prefix = `bench-${shape}-${randomUUID().slice(0, 8)}`;
  const env = { DATA_DIR: dataDir, READ_MODEL_KEY_PREFIX: prefix };
  const users = await givenOperatorUsers(dataDir);
  let worker: ChildProcess | undefined;
  if (shape === 'split') {
    worker = spawn(process.execPath, [WORKER], {
      env: { ...process.env, ...env, WORKER_PORT: '0', REMINDERS: 'off', LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    });
  }
  const api = await startApiProcess({ ...env, ...(shape === 'split' && { PROJECTIONS: 'off' }) });
  const [probeAction, ...loadActions] = await assignedActions(api.baseUrl, LOAD_ACTIONS + 1, users);
  return { api, worker, users, keys: new ProjectionKeys(prefix), probeAction, loadActions, dataDir };
}

async function stopInstall(install: Install, redis: Redis): Promise<void> {
  await install.api.kill('SIGTERM');
  if (install.worker && install.worker.exitCode === null) {
    const exited = new Promise((done) => install.worker!.once('exit', done));
    install.worker.kill('SIGTERM');
    await exited;
  }
  const left = await redis.keys(`${install.keys.prefix}:*`);
  if (left.length > 0) await redis.unlink(...left);
  rmSync(install.dataDir, { recursive: true, force: true });
}

/** One round on one install: (b)'s load, and probes timing append → checkpoint in Redis past the write. */
async function round(install: Install, redis: Redis, seconds: number) {
  let next = 0;
  const loading = autocannon({
    url: install.api.baseUrl,
    connections: 10,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...install.users.authorization },
        setupRequest: (request) => ({
          ...request,
          path: `/api/actions/${install.loadActions[next++ % LOAD_ACTIONS]}/progress`,
          body: JSON.stringify({ note: `progress ${next}` }),
        }),
      },
    ],
  });
  const lags: number[] = [];
  const names = [install.keys.checkpoint('plans'), install.keys.checkpoint('follow-ups')];
  const until = performance.now() + (seconds - 0.5) * 1000;
  while (performance.now() < until) {
    const { body } = await postJson(
      install.api.baseUrl,
      `/api/actions/${install.probeAction}/progress`,
      { note: 'probe' },
      install.users.authorization,
    );
    const answered = performance.now();
    while ((await redis.mget(...names)).some((value) => Number(value ?? 0) < Number(body.position))) {
      // poll again at once: each round trip is the resolution
    }
    lags.push(performance.now() - answered);
  }
  const loaded = await loading;
  return { p50: percentile(lags, 50), p99: percentile(lags, 99), commandsPerSecond: loaded.requests.average };
}

export interface ProcessSplitResult {
  rounds: number;
  oneP50Ms: number;
  oneP99Ms: number;
  splitP50Ms: number;
  splitP99Ms: number;
  oneCommandsPerSecond: number;
  splitCommandsPerSecond: number;
  /** Median over rounds of split p99 ÷ one-process p99. */
  ratio: number;
}

/**
 * (e) Projection lag (command answered → the read models' checkpoint in Redis past it) under (b)'s load, with
 * the API projecting inside (`npm start`) against the API alone beside a worker process (`start:api` +
 * `start:worker`), both installs up at once, rounds alternating between them.
 */
export async function benchProcessSplit(options: { rounds?: number; seconds?: number } = {}) {
  const rounds = options.rounds ?? 3;
  const seconds = options.seconds ?? 6;
  const redis = new Redis(REDIS_URL);
  const one = await startInstall('one');
  const split = await startInstall('split');
  try {
    await round(one, redis, 2); // warm-up
    await round(split, redis, 2);
    const perRound: { one: Awaited<ReturnType<typeof round>>; split: Awaited<ReturnType<typeof round>> }[] =
      [];
    for (let index = 0; index < rounds; index++) {
      const first = index % 2 === 0 ? one : split;
      const a = await round(first, redis, seconds);
      const b = await round(first === one ? split : one, redis, seconds);
      perRound.push(first === one ? { one: a, split: b } : { one: b, split: a });
    }
    const mid = (pick: (r: (typeof perRound)[number]) => number) => median(perRound.map(pick));
    return {
      rounds,
      oneP50Ms: mid((r) => r.one.p50),
      oneP99Ms: mid((r) => r.one.p99),
      splitP50Ms: mid((r) => r.split.p50),
      splitP99Ms: mid((r) => r.split.p99),
      oneCommandsPerSecond: mid((r) => r.one.commandsPerSecond),
      splitCommandsPerSecond: mid((r) => r.split.commandsPerSecond),
      ratio: mid((r) => r.split.p99 / r.one.p99),
    } satisfies ProcessSplitResult;
  } finally {
    await stopInstall(one, redis);
    await stopInstall(split, redis);
    redis.disconnect();
  }
}
