import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chainEvents } from '@actionledger/audit';
import { SqliteEventStore, type SqliteSynchronous } from '@actionledger/event-store';
import { median, rate } from './bench-stats';
import { benchStreamIds, planAppends, type PlannedAppend } from './planned-appends';

export interface ChainAppendOptions {
  /** Events appended by each side in each round, one per append; default 2,000. */
  eventsPerRound?: number;
  /** Alternating rounds; default 5. */
  rounds?: number;
  /** Streams each side spreads its events over; default 100. */
  streams?: number;
  synchronous?: SqliteSynchronous;
}

export interface ChainAppendResult {
  synchronous: SqliteSynchronous;
  chainedEventsPerSecond: number;
  plainEventsPerSecond: number;
  /** Median over the rounds of chained ÷ plain, each pair measured back to back. */
  ratio: number;
}

const WARM_UP = 500;

/**
 * The cost of the hash chain on the write path: events appended per second through `SqliteEventStore`, one per
 * append with its exact expected revision, each first linked with `chainEvents` onto its stream's head (kept in
 * memory, as the write path keeps folded state), against the same appends of the same events unchained. Both
 * sides write to one store, on streams of their own; the rounds alternate which side goes first.
 */
export async function benchChainAppend(options: ChainAppendOptions = {}): Promise<ChainAppendResult> {
  const eventsPerRound = options.eventsPerRound ?? 2_000;
  const rounds = options.rounds ?? 5;
  const streams = options.streams ?? 100;
  const synchronous = options.synchronous ?? 'FULL';
  const dir = mkdtempSync(join(tmpdir(), 'actionledger-bench-chain-'));
  const store = new SqliteEventStore(join(dir, 'events.db'), { synchronous });
  try {
    const heads = new Map<string, string>();
    const appendChained = async (appends: PlannedAppend[]) => {
      for (const { streamId, revision, event } of appends) {
        const [chained] = chainEvents(streamId, revision, heads.get(streamId) ?? null, [event]);
        await store.append(streamId, [chained], revision === 0 ? 'no_stream' : revision - 1);
        heads.set(streamId, chained.metadata.hash);
      }
    };
    const appendPlain = async (appends: PlannedAppend[]) => {
      for (const { streamId, revision, event } of appends) {
        await store.append(streamId, [event], revision === 0 ? 'no_stream' : revision - 1);
      }
    };

    await appendChained(planAppends(WARM_UP, benchStreamIds(streams, 'warm-chained')));
    await appendPlain(planAppends(WARM_UP, benchStreamIds(streams, 'warm-plain')));

    const chainedStreams = benchStreamIds(streams, 'chained');
    const plainStreams = benchStreamIds(streams, 'plain');
    const [chainedRates, plainRates, ratios]: number[][] = [[], [], []];
    for (let round = 0; round < rounds; round++) {
      const from = round * eventsPerRound;
      const chained = planAppends(eventsPerRound, chainedStreams, from);
      const plain = planAppends(eventsPerRound, plainStreams, from);
      const sides = [
        async () => chainedRates.push(await rate(eventsPerRound, () => appendChained(chained))),
        async () => plainRates.push(await rate(eventsPerRound, () => appendPlain(plain))),
      ];
      if (round % 2 === 1) sides.reverse();
      for (const side of sides) await side();
      ratios.push(chainedRates[round] / plainRates[round]);
    }

    const stored = (await store.readAll()).length;
    if (stored !== 2 * (WARM_UP + rounds * eventsPerRound)) {
      throw new Error(`Benchmark stored ${stored} events.`);
    }
    return {
      synchronous,
      chainedEventsPerSecond: median(chainedRates),
      plainEventsPerSecond: median(plainRates),
      ratio: median(ratios),
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
