import { cpus } from 'node:os';
import { benchApiCommands } from './api-commands.bench';
import { benchEventStoreAppend } from './event-store-append.bench';
import { benchPostgresAppend } from './postgres-append.bench';
import { benchOverdueQuery, benchProjectionReplay } from './projections.bench';

/** `BENCH_ONLY=projections` runs one group; `BENCH_PROJECTION_EVENTS` / `BENCH_OPEN_ACTIONS` scale that group down. */
const only = process.env.BENCH_ONLY;
const runs = (group: string) => only === undefined || only === group;

/** Runs the benchmarks and prints one row per figure, each a ratio against a baseline measured in the same run. */
async function main(): Promise<void> {
  console.log(`Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}\n`);
  const rows = [];
  for (const synchronous of runs('core') ? (['FULL', 'NORMAL'] as const) : []) {
    const result = await benchEventStoreAppend({ events: 10_000, synchronous });
    rows.push({
      benchmark: `(a) append, SQLite synchronous=${synchronous}`,
      measured: `${Math.round(result.storeEventsPerSecond)} ev/s`,
      baseline: `${Math.round(result.rawEventsPerSecond)} ev/s raw better-sqlite3`,
      ratio: Number(result.ratio.toFixed(3)),
      target: '≥ 0.8',
    });
  }
  for (const appenders of runs('postgres') ? [1, 16] : []) {
    const result = await benchPostgresAppend({ appenders });
    rows.push({
      benchmark: `(a) append, PostgreSQL, ${appenders} appender${appenders > 1 ? 's' : ''}`,
      measured: `${Math.round(result.storeEventsPerSecond)} ev/s`,
      baseline: `${Math.round(result.rawEventsPerSecond)} ev/s raw pg INSERTs, ${appenders} connection${appenders > 1 ? 's' : ''}`,
      ratio: Number(result.ratio.toFixed(3)),
      target: appenders > 1 ? '> 1.0' : '≥ 0.8',
    });
  }
  for (const synchronous of runs('core') ? (['FULL', 'NORMAL'] as const) : []) {
    const api = await benchApiCommands(synchronous);
    rows.push({
      benchmark: `(b) POST …/progress, synchronous=${synchronous}`,
      measured: `${Math.round(api.commandsPerSecond)} commands/s (${api.commandErrors} errors)`,
      baseline: `${Math.round(api.trivialGetsPerSecond)} req/s GET /api`,
      ratio: Number(api.ratio.toFixed(3)),
      target: '≥ 0.4',
    });
  }
  if (runs('projections')) {
    const replay = await benchProjectionReplay({
      events: Number(process.env.BENCH_PROJECTION_EVENTS ?? 1_000_000),
      rounds: Number(process.env.BENCH_ROUNDS ?? 3),
    });
    rows.push({
      benchmark: `projections (a) replay ${replay.events} events into every read model`,
      measured: `${Math.round(replay.projectedEventsPerSecond)} ev/s`,
      baseline: `${Math.round(replay.readEventsPerSecond)} ev/s reading the log alone`,
      ratio: Number(replay.ratio.toFixed(3)),
      target: '≥ 0.3 and ≥ 20,000 ev/s',
    });
    const overdue = await benchOverdueQuery({
      openActions: Number(process.env.BENCH_OPEN_ACTIONS ?? 100_000),
      queries: 2000,
    });
    rows.push({
      benchmark: `projections (b) overdue report p50/p99, ${overdue.openActions} open actions`,
      measured: `${overdue.overdueP50Ms.toFixed(2)} / ${overdue.overdueP99Ms.toFixed(2)} ms`,
      baseline: `${overdue.pingP50Ms.toFixed(3)} / ${overdue.pingP99Ms.toFixed(3)} ms PING`,
      ratio: Number(overdue.roundTrips.toFixed(1)),
      target: 'p99 ≤ 20 PINGs',
    });
    rows.push({
      benchmark: 'projections (c) Redis memory per open action',
      measured: `${Math.round(overdue.bytesPerOpenAction)} bytes`,
      baseline: 'MEMORY USAGE of every read-model key',
      ratio: '',
      target: '—',
    });
  }
  console.table(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
