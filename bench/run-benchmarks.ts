import { benchEventStoreAppend } from './event-store-append.bench';

/** Runs the benchmarks and prints one row per figure; `npm run bench`. */
async function main(): Promise<void> {
  const rows = [];
  for (const synchronous of ['FULL', 'NORMAL'] as const) {
    const result = await benchEventStoreAppend({ events: 10_000, synchronous });
    rows.push({
      benchmark: `event store append (SQLite, synchronous=${synchronous})`,
      'store ev/s': Math.round(result.storeEventsPerSecond),
      'raw better-sqlite3 ev/s': Math.round(result.rawEventsPerSecond),
      ratio: Number(result.ratio.toFixed(3)),
      target: '≥ 0.8',
    });
  }
  console.table(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
