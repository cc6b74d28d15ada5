import { cpus } from 'node:os';
import { benchApiCommands } from './api-commands.bench';
import { benchAuditVerify } from './audit-verify.bench';
import { benchChainAppend } from './chain-append.bench';
import { benchCommitteeReport } from './committee-report.bench';
import { benchEventStoreAppend } from './event-store-append.bench';
import { benchPostgresApi } from './api-commands-postgres.bench';
import { benchPlanImport } from './plan-import.bench';
import { benchPostgresAppend } from './postgres-append.bench';
import { benchProjectionLag } from './projection-lag.bench';
import { benchProcessSplit } from './process-split.bench';
import { benchOverdueQuery, benchProjectionReplay } from './projections.bench';
import { benchReminderLateness, benchReminderScheduling } from './reminders.bench';
import { benchWebPages } from './web-pages.bench';
import { benchInspectionPage } from './inspection-page.bench';

/** `BENCH_AUDIT_SCALE=0.1 npm run bench -- audit` runs the audit figures at a tenth of their size. */
const auditScale = Number(process.env.BENCH_AUDIT_SCALE ?? 1);

/**
 * Runs the benchmarks and prints one row per figure, each a ratio against a baseline measured in the same run.
 * `npm run bench -- audit` (or `append`, `postgres`, `api`, `postgres-api`, `projections`, `lag`, `reports`,
 * `plan-import`, `reminders`, `web`, `pages`, `split`; or `BENCH_ONLY=…`) runs only that
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
  if (runs('projections') || only === 'lag') {
    const lag = await benchProjectionLag({
      rounds: Number(process.env.BENCH_ROUNDS ?? 3),
      seconds: Number(process.env.BENCH_LAG_SECONDS ?? 6),
    });
    rows.push({
      benchmark: `projections (d) append → visible to ?after, p50/p99, under (b)'s load (${Math.round(lag.loadCommandsPerSecond)} commands/s), ${lag.probesPerRound} probes a round`,
      measured: `${lag.visibleP50Ms.toFixed(1)} / ${lag.visibleP99Ms.toFixed(1)} ms (checkpoint ${lag.checkpointP50Ms.toFixed(1)} / ${lag.checkpointP99Ms.toFixed(1)} ms)`,
      baseline: `${lag.readP50Ms.toFixed(1)} / ${lag.readP99Ms.toFixed(1)} ms the same GET without ?after`,
      ratio: Number(lag.ratio.toFixed(2)),
      target: 'p99 ratio as low as it goes',
    });
  }
  if (runs('split')) {
    const split = await benchProcessSplit({
      rounds: Number(process.env.BENCH_ROUNDS ?? 3),
      seconds: Number(process.env.BENCH_LAG_SECONDS ?? 6),
    });
    rows.push({
      benchmark: `projections (e) append → checkpoint p50/p99 under (b)'s load, API + worker processes (${Math.round(split.splitCommandsPerSecond)} commands/s)`,
      measured: `${split.splitP50Ms.toFixed(1)} / ${split.splitP99Ms.toFixed(1)} ms`,
      baseline: `${split.oneP50Ms.toFixed(1)} / ${split.oneP99Ms.toFixed(1)} ms one process (${Math.round(split.oneCommandsPerSecond)} commands/s)`,
      ratio: Number(split.ratio.toFixed(2)),
      target: 'p99 ratio ≤ 1',
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
  if (runs('reports')) {
    const report = await benchCommitteeReport({
      actions: Number(process.env.BENCH_REPORT_ACTIONS ?? 300),
      rounds: Number(process.env.BENCH_ROUNDS ?? 5),
    });
    for (const [format, figure] of Object.entries(report.formats)) {
      rows.push({
        benchmark: `(report) committee report as ${format}, ${report.actions} actions, ${report.events.toLocaleString('en-GB')} events`,
        measured: `${figure.ms.toFixed(0)} ms (${Math.round(figure.bytes / 1024)} KB)`,
        baseline: `${report.jsonMs.toFixed(0)} ms the same report as JSON`,
        ratio: Number(figure.ratio.toFixed(3)),
        target: format === 'html' || format === 'docx' ? '≥ 0.2' : '—',
      });
    }
  }
  if (runs('plan-import')) {
    const result = await benchPlanImport({ rows: Number(process.env.BENCH_PLAN_ROWS ?? 2_000) });
    rows.push({
      benchmark: `(plan import) ${result.rows}-row .xlsx, draft + confirm (${result.events} events)`,
      measured: `${Math.round(result.importEventsPerSecond)} ev/s`,
      baseline: `${Math.round(result.directEventsPerSecond)} ev/s the same events appended directly`,
      ratio: Number(result.ratio.toFixed(3)),
      target: '≥ 0.3',
    });
  }
  if (runs('reminders')) {
    const scheduling = await benchReminderScheduling({
      actions: Number(process.env.BENCH_REMINDER_ACTIONS ?? 100_000),
      rounds: Number(process.env.BENCH_ROUNDS ?? 3),
    });
    rows.push({
      benchmark: `reminders (a) schedule the timers of ${scheduling.actions} open actions (${scheduling.jobs} jobs)`,
      measured: `${Math.round(scheduling.schedulerJobsPerSecond)} jobs/s`,
      baseline: `${Math.round(scheduling.addBulkJobsPerSecond)} jobs/s BullMQ addBulk of the same jobs`,
      ratio: Number(scheduling.ratio.toFixed(3)),
      target: '≥ 0.5',
    });
    for (const synchronous of ['FULL', 'NORMAL'] as const) {
      const lateness = await benchReminderLateness({
        timers: 1000,
        concurrency: Number(process.env.REMINDER_CONCURRENCY ?? 10),
        synchronous,
      });
      rows.push({
        benchmark: `reminders (b) lateness p50/p99 of ${lateness.timers} timers due in one second, to the appended event, synchronous=${synchronous}`,
        measured: `${lateness.p50Ms} / ${lateness.p99Ms} ms`,
        baseline: `${lateness.plainP50Ms} / ${lateness.plainP99Ms} ms plain delayed BullMQ jobs picked up`,
        ratio: '',
        target: 'p99 ≤ 1000 ms',
      });
    }
  }
  if (runs('web')) {
    const web = await benchWebPages(Number(process.env.BENCH_WEB_ACTIONS ?? 5_000));
    rows.push({
      benchmark: `(web a) lead's home page, ${web.actions} actions (${web.errors} errors)`,
      measured: `${Math.round(web.homePagesPerSecond)} pages/s`,
      baseline: `${Math.round(web.overdueReportsPerSecond)} req/s GET /api/reports/overdue`,
      ratio: Number(web.ratio.toFixed(3)),
      target: '≥ 0.5',
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
  console.table(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
