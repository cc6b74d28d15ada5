import { cpus } from 'node:os';
import { benchApiCommands } from './api-commands.bench';
import { benchAuditVerify } from './audit-verify.bench';
import { benchChainAppend } from './chain-append.bench';
import { benchEventStoreAppend } from './event-store-append.bench';

/** `BENCH_AUDIT_SCALE=0.1 npm run bench -- audit` runs the audit figures at a tenth of their size. */
const auditScale = Number(process.env.BENCH_AUDIT_SCALE ?? 1);

/**
 * Runs the benchmarks and prints one row per figure, each a ratio against a baseline measured in the same run.
 * `npm run bench -- audit` (or `append`, `api`) runs only that group.
 */
async function main(): Promise<void> {
  console.log(`Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}\n`);
  const only = process.argv[2];
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
