import { cpus } from 'node:os';
import { benchApiCommands } from './api-commands.bench';
import { benchEventStoreAppend } from './event-store-append.bench';
import { benchPostgresAppend } from './postgres-append.bench';

/** Runs the benchmarks and prints one row per figure, each a ratio against a baseline measured in the same run. */
async function main(): Promise<void> {
  console.log(`Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}\n`);
  const rows = [];
  for (const synchronous of ['FULL', 'NORMAL'] as const) {
    const result = await benchEventStoreAppend({ events: 10_000, synchronous });
    rows.push({
      benchmark: `(a) append, SQLite synchronous=${synchronous}`,
      measured: `${Math.round(result.storeEventsPerSecond)} ev/s`,
      baseline: `${Math.round(result.rawEventsPerSecond)} ev/s raw better-sqlite3`,
      ratio: Number(result.ratio.toFixed(3)),
      target: '≥ 0.8',
    });
  }
  for (const appenders of [1, 16]) {
    const result = await benchPostgresAppend({ appenders });
    rows.push({
      benchmark: `(a) append, PostgreSQL, ${appenders} appender${appenders > 1 ? 's' : ''}`,
      measured: `${Math.round(result.storeEventsPerSecond)} ev/s`,
      baseline: `${Math.round(result.rawEventsPerSecond)} ev/s raw pg INSERTs, ${appenders} connection${appenders > 1 ? 's' : ''}`,
      ratio: Number(result.ratio.toFixed(3)),
      target: appenders > 1 ? '> 1.0' : '≥ 0.8',
    });
  }
  for (const synchronous of ['FULL', 'NORMAL'] as const) {
    const api = await benchApiCommands(synchronous);
    rows.push({
      benchmark: `(b) POST …/progress, synchronous=${synchronous}`,
      measured: `${Math.round(api.commandsPerSecond)} commands/s (${api.commandErrors} errors)`,
      baseline: `${Math.round(api.trivialGetsPerSecond)} req/s GET /api`,
      ratio: Number(api.ratio.toFixed(3)),
      target: '≥ 0.4',
    });
  }
  console.table(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
