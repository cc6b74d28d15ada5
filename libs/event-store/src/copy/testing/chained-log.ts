import { chainEvents, eventHash } from '@actionledger/audit';
import { randomUUID } from 'node:crypto';
import type { EventMetadata, EventStore, NewEvent, StoredEvent } from '../../event-store.port';

/**
 * Writes a log shaped like ActionLedger's: interleaved streams, multi-event appends, one atomic multi-stream
 * append, every event hash-chained in its stream as the write path chains it. Returns the number of events.
 */
export async function writeChainedLog(store: EventStore, streams = 6, rounds = 8): Promise<number> {
  const heads = new Map<string, { revision: number; hash: string | null }>();
  const streamIds = Array.from({ length: streams }, (_, index) => `action-${index}-${randomUUID()}`);
  const chained = (streamId: string, count: number) => {
    const head = heads.get(streamId) ?? { revision: -1, hash: null };
    const events = chainEvents<EventMetadata, NewEvent>(
      streamId,
      head.revision + 1,
      head.hash,
      Array.from({ length: count }, (_, index) => newEvent(streamId, head.revision + 1 + index)),
    );
    heads.set(streamId, { revision: head.revision + count, hash: events.at(-1)!.metadata.hash });
    return { events, expected: head.revision < 0 ? ('no_stream' as const) : head.revision };
  };
  let written = 0;
  for (let round = 0; round < rounds; round++) {
    for (const streamId of streamIds) {
      const { events, expected } = chained(streamId, 1 + (round % 3));
      await store.append(streamId, events, expected);
      written += events.length;
    }
    if (round === 2) {
      const writes = [streamIds[0], `letter-${randomUUID()}`].map((streamId) => ({
        streamId,
        ...chained(streamId, 2),
      }));
      await store.appendToStreams(writes);
      written += 4;
    }
  }
  return written;
}

/** What a copy must keep of each event: all of it but the store's own position and time. */
export function portable(event: StoredEvent) {
  const { id, streamId, revision, type, data, metadata } = event;
  return { id, streamId, revision, type, data, metadata };
}

/** Every event's hash matches its content, and its previousHash is the hash of the event before it in its stream. */
export function chainBreaks(events: readonly StoredEvent[]): string[] {
  const heads = new Map<string, string | null>();
  const breaks: string[] = [];
  for (const event of events) {
    const { previousHash, hash } = event.metadata as { previousHash?: string | null; hash?: string };
    if (eventHash(event) !== hash) breaks.push(`${event.id}: hash does not match its content`);
    if ((heads.get(event.streamId) ?? null) !== previousHash)
      breaks.push(`${event.id}: previousHash is not the head`);
    heads.set(event.streamId, hash ?? null);
  }
  return breaks;
}

function newEvent(streamId: string, revision: number): NewEvent {
  return {
    id: randomUUID(),
    type: revision === 0 ? 'ActionPlanned' : 'ProgressRecorded',
    data: { streamId, note: `note ${revision} — “quoted” 🏫`, ratio: revision / 3, big: 1e21 + revision },
    metadata: {
      actor: { userId: 'u-lead', role: 'lead', organisationId: 'org-durham' },
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: new Date(Date.UTC(2026, 10, 2, 9, revision)).toISOString(),
      ...(revision % 2 ? { reason: 'Ofsted priority action' } : {}),
    },
  };
}
