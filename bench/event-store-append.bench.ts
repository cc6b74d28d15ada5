import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type SqliteSynchronous } from '@actionledger/event-store';
import { openSqliteEventDatabase } from '../libs/event-store/src/sqlite/sqlite-event-database';
import { benchStreamIds, planAppends, type PlannedAppend } from './planned-appends';

export interface EventStoreAppendOptions {
  /** Events appended by each side, one per append; default 10,000. */
  events?: number;
  /** Streams the events are spread over; default 100. */
  streams?: number;
  /** Default FULL, the store's default. */
  synchronous?: SqliteSynchronous;
}

export interface EventStoreAppendResult {
  events: number;
  synchronous: SqliteSynchronous;
  storeEventsPerSecond: number;
  rawEventsPerSecond: number;
  /** store ÷ raw: what the adapter keeps of what better-sqlite3 alone can do. */
  ratio: number;
}

/** Both sides alternate in chunks, so that a change in the machine's load during the run hits both alike. */
const CHUNK = 100;
const WARM_UP = 500;

/**
 * Events appended per second through `SqliteEventStore` (one event per append, each with its exact expected
 * revision), against the same rows inserted by raw better-sqlite3: the same file settings and schema (one shared
 * function opens both), one prepared INSERT in one `BEGIN IMMEDIATE` transaction per event, with the same JSON
 * serialisation and timestamp, but no revision check, deduplication, promise or result.
 */
export async function benchEventStoreAppend(
  options: EventStoreAppendOptions = {},
): Promise<EventStoreAppendResult> {
  const events = options.events ?? 10_000;
  const streams = options.streams ?? 100;
  const synchronous = options.synchronous ?? 'FULL';
  const dir = mkdtempSync(join(tmpdir(), 'actionledger-bench-append-'));
  const store = new SqliteEventStore(join(dir, 'store.db'), { synchronous });
  const raw = openSqliteEventDatabase(join(dir, 'raw.db'), { synchronous, busyTimeoutMs: 5000 });
  try {
    const insert = raw.prepare(
      'INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const insertOne = raw.transaction(({ streamId, revision, event }: PlannedAppend) => {
      const { id, type, data, metadata } = event;
      insert.run(
        id,
        streamId,
        revision,
        type,
        JSON.stringify(data),
        JSON.stringify(metadata),
        new Date().toISOString(),
      );
    });
    const runRaw = async (appends: PlannedAppend[]) => {
      for (const append of appends) insertOne.immediate(append);
    };
    const runStore = async (appends: PlannedAppend[]) => {
      for (const { streamId, revision, event } of appends) {
        await store.append(streamId, [event], revision === 0 ? 'no_stream' : revision - 1);
      }
    };

    const warmUp = planAppends(WARM_UP, benchStreamIds(streams, 'warm-up'));
    await runRaw(warmUp);
    await runStore(warmUp);

    const measured = planAppends(events, benchStreamIds(streams, 'bench'));
    let [rawMs, storeMs] = [0, 0];
    for (let start = 0; start < measured.length; start += CHUNK) {
      const chunk = measured.slice(start, start + CHUNK);
      const rawFirst = (start / CHUNK) % 2 === 0;
      if (rawFirst) rawMs += await timed(() => runRaw(chunk));
      storeMs += await timed(() => runStore(chunk));
      if (!rawFirst) rawMs += await timed(() => runRaw(chunk));
    }

    const stored = (await store.readAll()).length;
    const inserted = raw.prepare('SELECT count(*) FROM events').pluck().get();
    if (stored !== WARM_UP + events || inserted !== WARM_UP + events) {
      throw new Error(`Benchmark wrote ${stored} events through the store and ${String(inserted)} raw rows.`);
    }
    const storeEventsPerSecond = (events / storeMs) * 1000;
    const rawEventsPerSecond = (events / rawMs) * 1000;
    return {
      events,
      synchronous,
      storeEventsPerSecond,
      rawEventsPerSecond,
      ratio: storeEventsPerSecond / rawEventsPerSecond,
    };
  } finally {
    await store.close();
    raw.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function timed(work: () => Promise<void>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}
