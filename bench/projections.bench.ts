import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@actionledger/event-store';
import { overdueReport, PlansProjection, ProjectionKeys, ProjectionRunner } from '@actionledger/projections';
import { Redis } from 'ioredis';
import { generatePlanLog } from './plan-log.generator';

/** The Redis database the benchmarks may flush (the projections engineer's, used by nobody else). */
const BENCH_DB = Number(process.env.BENCH_REDIS_DB ?? 7);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))];

/** A temp SQLite log, the flushable Redis database, and a runner over every plan read model. */
async function openBenchBed() {
  const dir = mkdtempSync(join(tmpdir(), 'actionledger-bench-projections-'));
  const store = new SqliteEventStore(join(dir, 'events.db'), { synchronous: 'NORMAL' });
  const redis = new Redis(REDIS_URL, { db: BENCH_DB });
  const keys = new ProjectionKeys('bench');
  const runner = new ProjectionRunner({ store, redis, keys, projections: [new PlansProjection(keys)] });
  await redis.flushdb();
  return {
    store,
    redis,
    keys,
    runner,
    async close() {
      await runner.close();
      await redis.flushdb();
      redis.disconnect();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface ReplayResult {
  events: number;
  projectedEventsPerSecond: number;
  readEventsPerSecond: number;
  ratio: number;
  rounds: number;
}

/**
 * (a) Replays a generated log into every read model (a rebuild: readAll pages, one MULTI per batch) against
 * reading the same pages without projecting them; alternating rounds, median of each side.
 */
export async function benchProjectionReplay(options: {
  events: number;
  rounds: number;
}): Promise<ReplayResult> {
  const { store, runner, close } = await openBenchBed();
  try {
    const { events } = await generatePlanLog(store, {
      events: options.events,
      organisations: 50,
      findingsPerInspection: 5,
      actionsPerFinding: 4,
      lifecycle: 'full',
    });
    const read: number[] = [];
    const projected: number[] = [];
    for (let round = 0; round < options.rounds; round += 1) {
      let started = performance.now();
      let count = 0;
      for (let after = 0n; ;) {
        const page = await store.readAll({ after, limit: 1000 });
        if (page.length === 0) break;
        count += page.length;
        after = page[page.length - 1].position;
      }
      read.push(count / ((performance.now() - started) / 1000));
      started = performance.now();
      const rebuilt = await runner.rebuild();
      projected.push(rebuilt.events / ((performance.now() - started) / 1000));
    }
    const projectedEventsPerSecond = median(projected);
    const readEventsPerSecond = median(read);
    return {
      events,
      projectedEventsPerSecond,
      readEventsPerSecond,
      ratio: projectedEventsPerSecond / readEventsPerSecond,
      rounds: options.rounds,
    };
  } finally {
    await close();
  }
}

export interface OverdueQueryResult {
  openActions: number;
  overdueP50Ms: number;
  overdueP99Ms: number;
  pingP50Ms: number;
  pingP99Ms: number;
  /** p99 of the query ÷ p99 of PING: how many bare round trips the query costs. */
  roundTrips: number;
  bytesPerOpenAction: number;
}

/**
 * (b) p50/p99 of the overdue report (first page of 50, most overdue first) with this many open actions in one
 * organisation, beside a bare PING, alternating; (c) Redis memory per open action, by MEMORY USAGE of every
 * key the read models wrote (the server is shared, so its total would count others' keys).
 */
export async function benchOverdueQuery(options: {
  openActions: number;
  queries: number;
}): Promise<OverdueQueryResult> {
  const { store, redis, keys, runner, close } = await openBenchBed();
  try {
    const findingsPerInspection = 10;
    const actionsPerFinding = 10;
    const plans = Math.ceil(options.openActions / (findingsPerInspection * actionsPerFinding));
    const { openActions } = await generatePlanLog(store, {
      events: plans * (1 + findingsPerInspection * (1 + 2 * actionsPerFinding)),
      organisations: 1,
      findingsPerInspection,
      actionsPerFinding,
      lifecycle: 'open',
    });
    await runner.rebuild();
    const context = { redis, keys, clock: () => new Date('2026-07-01T09:00:00Z') };
    const first = await overdueReport(context, 'org-0', { limit: 50 });
    if (first.items.length !== 50)
      throw new Error(`Expected a full page of overdue actions, got ${first.items.length}.`);
    const query: number[] = [];
    const ping: number[] = [];
    for (let i = 0; i < options.queries; i += 1) {
      let started = performance.now();
      await redis.ping();
      ping.push(performance.now() - started);
      started = performance.now();
      await overdueReport(context, 'org-0', { limit: 50 });
      query.push(performance.now() - started);
    }
    let bytes = 0;
    for await (const found of redis.scanStream({ match: `${keys.prefix}:*`, count: 1000 }) as AsyncIterable<
      string[]
    >) {
      for (const key of found) bytes += Number(await redis.call('MEMORY', 'USAGE', key, 'SAMPLES', '0'));
    }
    const pingP99Ms = percentile(ping, 99);
    const overdueP99Ms = percentile(query, 99);
    return {
      openActions,
      overdueP50Ms: percentile(query, 50),
      overdueP99Ms,
      pingP50Ms: percentile(ping, 50),
      pingP99Ms,
      roundTrips: overdueP99Ms / pingP99Ms,
      bytesPerOpenAction: bytes / openActions,
    };
  } finally {
    await close();
  }
}
