import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { PostgresEventStore, type NewEvent } from '@actionledger/event-store';
import { createTemporaryDatabase } from '../libs/event-store/src/postgres/testing/temporary-database';

export interface PostgresAppendOptions {
  /** Appenders working at once: 1 (each append awaited before the next) or more, each on its own streams. */
  appenders: number;
  /** Events each appender appends per round; default 400 / appenders, at least 50. */
  eventsPerAppender?: number;
  /** Alternating rounds (store first, then raw first, …); the figures are their medians. Default 5. */
  rounds?: number;
}

export interface PostgresAppendResult {
  appenders: number;
  storeEventsPerSecond: number;
  rawEventsPerSecond: number;
  /** Median over the rounds of store ÷ raw, each round measuring both sides back to back. */
  ratio: number;
}

interface PlannedAppend {
  streamId: string;
  revision: number;
  event: NewEvent;
}

const INSERT = {
  name: 'bench-raw-insert',
  text: `INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at)
         VALUES ($1, $2, $3, $4, $5::json, $6::json, $7)`,
};

/**
 * Events appended per second through `PostgresEventStore` (one event per append, with its exact expected
 * revision), against the same rows inserted by raw `pg`: one INSERT per event in its own transaction (autocommit:
 * one round trip, one commit), into a second database with the same schema (the store's own migrations), with the
 * same JSON serialisation, but no revision check, deduplication, lock or notification. With several appenders,
 * the store shares one pool among them and the raw side gives each its own connection.
 */
export async function benchPostgresAppend(options: PostgresAppendOptions): Promise<PostgresAppendResult> {
  const { appenders } = options;
  const eventsPerAppender = options.eventsPerAppender ?? Math.max(50, Math.floor(400 / appenders));
  const rounds = options.rounds ?? 5;
  const [storeDb, rawDb] = [
    await createTemporaryDatabase('actionledger_bench'),
    await createTemporaryDatabase('actionledger_bench'),
  ];
  const store = new PostgresEventStore(storeDb.url, { poolSize: Math.max(2, Math.min(appenders, 10)) });
  const schema = new PostgresEventStore(rawDb.url);
  const clients: Client[] = [];
  try {
    await Promise.all([store.ready(), schema.ready()]);
    await schema.close();
    for (let index = 0; index < appenders; index++) {
      const client = new Client({ connectionString: rawDb.url });
      await client.connect();
      clients.push(client);
    }
    const runStore = (plans: PlannedAppend[][]) =>
      Promise.all(
        plans.map(async (plan) => {
          for (const { streamId, revision, event } of plan) {
            await store.append(streamId, [event], revision === 0 ? 'no_stream' : revision - 1);
          }
        }),
      );
    const runRaw = (plans: PlannedAppend[][]) =>
      Promise.all(
        plans.map(async (plan, index) => {
          for (const { streamId, revision, event } of plan) {
            const { id, type, data, metadata } = event;
            await clients[index].query({
              ...INSERT,
              values: [
                id,
                streamId,
                revision,
                type,
                JSON.stringify(data),
                JSON.stringify(metadata),
                new Date(),
              ],
            });
          }
        }),
      );
    const plansFor = (prefix: string) =>
      Array.from({ length: appenders }, (_, index) => plan(eventsPerAppender, `${prefix}-${index}`));

    await runStore(plansFor('warm-up'));
    await runRaw(plansFor('warm-up'));
    const [storeRates, rawRates, ratios] = [[], [], []] as [number[], number[], number[]];
    const events = appenders * eventsPerAppender;
    for (let round = 0; round < rounds; round++) {
      const [storePlans, rawPlans] = [plansFor(`store-${round}`), plansFor(`raw-${round}`)];
      let storeMs: number;
      let rawMs: number;
      if (round % 2 === 0) {
        storeMs = await timed(() => runStore(storePlans));
        rawMs = await timed(() => runRaw(rawPlans));
      } else {
        rawMs = await timed(() => runRaw(rawPlans));
        storeMs = await timed(() => runStore(storePlans));
      }
      storeRates.push((events / storeMs) * 1000);
      rawRates.push((events / rawMs) * 1000);
      ratios.push(rawMs / storeMs);
    }
    const expected = (rounds + 1) * events;
    const stored = (await store.readAll()).length;
    const { rows } = await clients[0].query<{ count: string }>('SELECT count(*) FROM events');
    if (stored !== expected || Number(rows[0].count) !== expected) {
      throw new Error(`Benchmark wrote ${stored} events through the store and ${rows[0].count} raw rows.`);
    }
    return {
      appenders,
      storeEventsPerSecond: median(storeRates),
      rawEventsPerSecond: median(rawRates),
      ratio: median(ratios),
    };
  } finally {
    await store.close();
    await Promise.all(clients.map((client) => client.end()));
    await Promise.all([storeDb.drop(), rawDb.drop()]);
  }
}

/** One appender's events, spread round-robin over 10 streams of its own. */
function plan(events: number, prefix: string): PlannedAppend[] {
  const streamIds = Array.from({ length: 10 }, () => `${prefix}-action-${randomUUID()}`);
  return Array.from({ length: events }, (_, index) => ({
    streamId: streamIds[index % streamIds.length],
    revision: Math.floor(index / streamIds.length),
    event: {
      id: randomUUID(),
      type: 'ProgressRecorded',
      data: {
        actionId: streamIds[index % streamIds.length],
        note: `Progress note ${index}`,
        percentComplete: index % 100,
      },
      metadata: {
        actor: { userId: 'u-owner-1', role: 'owner', organisationId: 'org-bench' },
        correlationId: randomUUID(),
        causationId: randomUUID(),
        occurredAt: '2026-11-02T09:00:00.000Z',
      },
    },
  }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}
