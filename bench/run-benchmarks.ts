import { cpus } from 'node:os';
import { benchApiCommands } from './api-commands.bench';
import { benchAuditVerify } from './audit-verify.bench';
import { benchChainAppend } from './chain-append.bench';
import { benchEventStoreAppend } from './event-store-append.bench';
import { benchInspectionPage } from './inspection-page.bench';
import { benchPostgresApi } from './api-commands-postgres.bench';
import { benchPostgresAppend } from './postgres-append.bench';
import { benchOverdueQuery, benchProjectionReplay } from './projections.bench';

/** `BENCH_AUDIT_SCALE=0.1 npm run bench -- audit` runs the audit figures at a tenth of their size. */
const auditScale = Number(process.env.BENCH_AUDIT_SCALE ?? 1);

/**
 * Runs the benchmarks and prints one row per figure, each a ratio against a baseline measured in the same run.
 * `npm run bench -- audit` (or `append`, `postgres`, `api`, `postgres-api`, `projections`, `pages`; or `BENCH_ONLY=…`) runs only that
 * group; `BENCH_PROJECTION_EVENTS` / `BENCH_OPEN_ACTIONS` scale the projections group down.
 */
async function main(): Promise<void> {
  console.log(`Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}\n`);
  const only = process.argv[2] ?? process.env.BENCH_ONLY;
  const runs = (group: string) => only === undefined || only === group;
  if (!(auditScale > 0)) throw new TypeError(`BENCH_AUDIT_SCALE must be a number > 0, not ${auditScale}.`);
  const rows = [];
  for (const synchronous of runs('append') ? (['FULL', 'NORMAL'] as const) : []) {
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
  for (const synchronous of runs('api') ? (['FULL', 'NORMAL'] as const) : []) {
    const api = await benchApiCommands(synchronous);
    rows.push({
      benchmark: `(b) POST …/progress, synchronous=${synchronous}`,
      measured: `${Math.round(api.commandsPerSecond)} commands/s (${api.commandErrors} errors)`,
      baseline: `${Math.round(api.trivialGetsPerSecond)} req/s GET /api`,
      ratio: Number(api.ratio.toFixed(3)),
      target: '≥ 0.4',
    });
  }
  if (runs('postgres-api')) {
    const result = await benchPostgresApi();
    rows.push({
      benchmark: '(b) POST …/progress through the API on PostgreSQL',
      measured: `${Math.round(result.postgresCommandsPerSecond)} commands/s (${result.errors} errors in all)`,
      baseline: `${Math.round(result.sqliteCommandsPerSecond)} commands/s on SQLite`,
      ratio: Number(result.storeRatio.toFixed(3)),
      target: 'report',
    });
    rows.push({
      benchmark: '(c) POST …/progress, 2 API processes on one PostgreSQL',
      measured: `${Math.round(result.twoProcessCommandsPerSecond)} commands/s`,
      baseline: `${Math.round(result.postgresCommandsPerSecond)} commands/s, 1 process`,
      ratio: Number(result.processRatio.toFixed(3)),
      target: 'report',
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
  if (runs('pages')) {
    const page = await benchInspectionPage(Number(process.env.BENCH_PAGE_ACTIONS ?? 200));
    rows.push({
      benchmark: `(pages b) GET /inspections/:id, ${page.actions} actions`,
      measured: `${Math.round(page.pagesPerSecond)} pages/s (${page.errors} errors in all)`,
      baseline: `${Math.round(page.plansPerSecond)} req/s GET /api/inspections/:id/plan`,
      ratio: Number(page.ratio.toFixed(3)),
      target: '≥ 0.3',
    });
  }
  for (const synchronous of runs('audit') ? (['FULL', 'NORMAL'] as const) : []) {
    const chain = await benchChainAppend({
      synchronous,
      eventsPerRound: Math.max(100, Math.round(2_000 * auditScale)),
    });
    rows.push({
      benchmark: `(audit a) chained append, synchronous=${synchronous}`,
      measured: `${Math.round(chain.chainedEventsPerSecond)} ev/s`,
      baseline: `${Math.round(chain.plainEventsPerSecond)} ev/s unchained`,
      ratio: Number(chain.ratio.toFixed(3)),
      target: '≥ 0.9',
    });
  }
  if (runs('audit')) {
    const verify = await benchAuditVerify({ events: Math.max(1_000, Math.round(1_000_000 * auditScale)) });
    rows.push({
      benchmark: `(audit b) audit verify, ${verify.events.toLocaleString('en-GB')} events`,
      measured: `${Math.round(verify.verifyEventsPerSecond)} ev/s (aim ≥ 100,000)`,
      baseline: `${Math.round(verify.readEventsPerSecond)} ev/s read unverified`,
      ratio: Number(verify.ratio.toFixed(3)),
      target: '≥ 0.5',
    });
  }
  console.table(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
