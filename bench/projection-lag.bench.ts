import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { ProjectionKeys } from '@actionledger/projections';
import { Redis } from 'ioredis';
import { postJson, startApiProcess } from '../test/support/api-process';
import { assignedActions } from '../test/support/assigned-actions';
import { givenOperatorUsers } from '../test/support/operator-users';
import { median } from './bench-stats';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** The actions the load writes to, as in the command benchmark (b), and one more the probes write to. */
const LOAD_ACTIONS = 50;

const percentile = (values: readonly number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))];

export interface ProjectionLagResult {
  rounds: number;
  probesPerRound: number;
  /** Command answered → `GET …?after=<its position>` answered: what its author waits to read the write. */
  visibleP50Ms: number;
  visibleP99Ms: number;
  /** The same GET without `?after`, alternating with the above: the read's own cost under the same load. */
  readP50Ms: number;
  readP99Ms: number;
  /** Command answered → the projection's checkpoint in Redis at or past its position (polled from outside). */
  checkpointP50Ms: number;
  checkpointP99Ms: number;
  /** The probe command itself (validated, decided, appended), for scale. */
  commandP99Ms: number;
  /** Median over rounds of visible p99 ÷ read p99. */
  ratio: number;
  loadCommandsPerSecond: number;
  loadErrors: number;
}

/**
 * (d) Projection lag under the command benchmark's load: 10 connections of POST …/progress on 50 actions keep
 * the API (embedded projections, SQLite synchronous=FULL) busy, while a probe writes one progress note at a
 * time and then reads the owner's actions with `?after=` its position, alternating with the same read without
 * it. Alternating rounds; the median of each round's figure is reported.
 */
export async function benchProjectionLag(
  options: { rounds?: number; seconds?: number } = {},
): Promise<ProjectionLagResult> {
  const rounds = options.rounds ?? 3;
  const seconds = options.seconds ?? 6;
  const dataDir = mkdtempSync(join(tmpdir(), 'actionledger-bench-lag-'));
  const prefix = `bench-lag-${randomUUID().slice(0, 8)}`;
  const keys = new ProjectionKeys(prefix);
  const redis = new Redis(REDIS_URL);
  const users = await givenOperatorUsers(dataDir);
  const api = await startApiProcess({ DATA_DIR: dataDir, READ_MODEL_KEY_PREFIX: prefix });
  try {
    const [probeAction, ...loadActions] = await assignedActions(api.baseUrl, LOAD_ACTIONS + 1, users);
    let next = 0;
    const load = () =>
      autocannon({
        url: api.baseUrl,
        connections: 10,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...users.authorization },
            setupRequest: (request) => ({
              ...request,
              path: `/api/actions/${loadActions[next++ % LOAD_ACTIONS]}/progress`,
              body: JSON.stringify({ note: `progress ${next}` }),
            }),
          },
        ],
      });
    const read = async (query: string) => {
      const started = performance.now();
      const response = await fetch(`${api.baseUrl}/api/owners/${users.ownerId}/actions?limit=10${query}`, {
        headers: users.authorization,
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`GET owner's actions answered ${response.status}.`);
      return performance.now() - started;
    };
    const checkpointReached = async (position: number) => {
      const started = performance.now();
      const names = [keys.checkpoint('plans'), keys.checkpoint('follow-ups')];
      while ((await redis.mget(...names)).some((value) => Number(value ?? 0) < position)) {
        // poll again at once: each round trip is the resolution
      }
      return performance.now() - started;
    };

    await load(); // warm-up, as in (b)
    const perRound: Omit<ProjectionLagResult, 'rounds' | 'probesPerRound' | 'ratio'>[] = [];
    let probes = 0;
    for (let round = 0; round < rounds; round += 1) {
      const visible: number[] = [];
      const plain: number[] = [];
      const checkpoint: number[] = [];
      const command: number[] = [];
      const loading = load();
      const until = performance.now() + (seconds - 0.5) * 1000;
      for (let probe = 0; performance.now() < until; probe += 1) {
        const started = performance.now();
        const { body } = await postJson(
          api.baseUrl,
          `/api/actions/${probeAction}/progress`,
          { note: `probe ${round}.${probe}` },
          users.authorization,
        );
        command.push(performance.now() - started);
        const position = Number(body.position);
        if (probe % 2 === 0) {
          visible.push(await read(`&after=${position}`));
        } else {
          checkpoint.push(await checkpointReached(position));
          plain.push(await read(''));
        }
      }
      const loaded = await loading;
      probes = visible.length;
      perRound.push({
        visibleP50Ms: percentile(visible, 50),
        visibleP99Ms: percentile(visible, 99),
        readP50Ms: percentile(plain, 50),
        readP99Ms: percentile(plain, 99),
        checkpointP50Ms: percentile(checkpoint, 50),
        checkpointP99Ms: percentile(checkpoint, 99),
        commandP99Ms: percentile(command, 99),
        loadCommandsPerSecond: loaded.requests.average,
        loadErrors: loaded.errors + loaded.non2xx,
      });
    }
    const mid = (pick: (r: (typeof perRound)[number]) => number) => median(perRound.map(pick));
    return {
      rounds,
      probesPerRound: probes,
      visibleP50Ms: mid((r) => r.visibleP50Ms),
      visibleP99Ms: mid((r) => r.visibleP99Ms),
      readP50Ms: mid((r) => r.readP50Ms),
      readP99Ms: mid((r) => r.readP99Ms),
      checkpointP50Ms: mid((r) => r.checkpointP50Ms),
      checkpointP99Ms: mid((r) => r.checkpointP99Ms),
      commandP99Ms: mid((r) => r.commandP99Ms),
      ratio: mid((r) => r.visibleP99Ms / r.readP99Ms),
      loadCommandsPerSecond: mid((r) => r.loadCommandsPerSecond),
      loadErrors: perRound.reduce((sum, r) => sum + r.loadErrors, 0),
    };
  } finally {
    await api.kill('SIGTERM');
    const left = await redis.keys(`${prefix}:*`);
    if (left.length > 0) await redis.unlink(...left);
    redis.disconnect();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
