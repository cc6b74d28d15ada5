import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chainEvents, verifyEventLog } from '@actionledger/audit';
import { SqliteEventStore, type EventStore } from '@actionledger/event-store';
import { openSqliteEventDatabase } from '../libs/event-store/src/sqlite/sqlite-event-database';
import { median, rate } from './bench-stats';
import { benchStreamIds, progressEvent } from './planned-appends';

export interface AuditVerifyOptions {
  /** Events in the generated log; default 1,000,000. */
  events?: number;
  /** Events per stream; default 100. */
  perStream?: number;
  /** Alternating rounds of each side; default 3. */
  rounds?: number;
}

export interface AuditVerifyResult {
  events: number;
  streams: number;
  verifyEventsPerSecond: number;
  readEventsPerSecond: number;
  /** Median over the rounds of verify ÷ read, each pair measured back to back. */
  ratio: number;
}

const PAGE = 2_000;

/**
 * `verifyEventLog` (what `audit verify` runs) over a generated log of chained events, against reading the same
 * log through the same store in the same pages without verifying. The rounds alternate which side goes first.
 */
export async function benchAuditVerify(options: AuditVerifyOptions = {}): Promise<AuditVerifyResult> {
  const events = options.events ?? 1_000_000;
  const perStream = options.perStream ?? 100;
  const rounds = options.rounds ?? 3;
  const dir = mkdtempSync(join(tmpdir(), 'actionledger-bench-verify-'));
  const file = join(dir, 'events.db');
  try {
    const streams = generateLog(file, events, perStream);
    const store = new SqliteEventStore(file, { synchronous: 'NORMAL' });
    try {
      const ratios: number[] = [];
      const [verifyRates, readRates]: number[][] = [[], []];
      for (let round = 0; round < rounds; round++) {
        const sides = [
          async () => verifyRates.push(await rate(events, () => verifyAll(store, events))),
          async () => readRates.push(await rate(events, () => readAll(store, events))),
        ];
        if (round % 2 === 1) sides.reverse();
        for (const side of sides) await side();
        ratios.push(verifyRates[round] / readRates[round]);
      }
      return {
        events,
        streams,
        verifyEventsPerSecond: median(verifyRates),
        readEventsPerSecond: median(readRates),
        ratio: median(ratios),
      };
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Chained events written straight into the file, round-robin over the streams as a busy system would. */
export function generateLog(file: string, events: number, perStream: number): number {
  const db = openSqliteEventDatabase(file, { synchronous: 'NORMAL', busyTimeoutMs: 5000 });
  try {
    const streams = Math.max(1, Math.ceil(events / perStream));
    const streamIds = benchStreamIds(streams, 'verify');
    const heads: (string | null)[] = streamIds.map(() => null);
    const insert = db.prepare(
      'INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const recordedAt = new Date().toISOString();
    const insertMany = db.transaction((from: number, to: number) => {
      for (let index = from; index < to; index++) {
        const stream = index % streams;
        const streamId = streamIds[stream];
        const revision = Math.floor(index / streams);
        const [event] = chainEvents(streamId, revision, heads[stream], [progressEvent(streamId, index)]);
        heads[stream] = event.metadata.hash;
        const { id, type, data, metadata } = event;
        insert.run(id, streamId, revision, type, JSON.stringify(data), JSON.stringify(metadata), recordedAt);
      }
    });
    for (let from = 0; from < events; from += 10_000) insertMany(from, Math.min(events, from + 10_000));
    return streams;
  } finally {
    db.close();
  }
}

async function verifyAll(store: EventStore, expected: number): Promise<void> {
  const verification = await verifyEventLog(store, { pageSize: PAGE });
  if (verification.broken || verification.events !== expected) {
    throw new Error(`Verified ${verification.events} of ${expected} events: ${verification.broken?.message}`);
  }
}

/** The baseline: the same pages from the same store, each event looked at but not checked. */
async function readAll(store: EventStore, expected: number): Promise<void> {
  let read = 0;
  let after: bigint | undefined;
  for (;;) {
    const page = await store.readAll({ after, limit: PAGE });
    for (const event of page) if (event.revision >= 0) read++;
    if (page.length < PAGE) break;
    after = page[page.length - 1].position;
  }
  if (read !== expected) throw new Error(`Read ${read} of ${expected} events.`);
}
