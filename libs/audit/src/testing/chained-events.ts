import { randomUUID } from 'node:crypto';
import type { EventMetadata, EventStore, NewEvent, StoredEvent } from '@actionledger/event-store';
import { chainEvents } from '../event-chain';

export const testMetadata = (overrides: Partial<EventMetadata> = {}): EventMetadata => ({
  actor: { userId: 'u-lead-1', role: 'lead', organisationId: 'org-1' },
  correlationId: randomUUID(),
  causationId: randomUUID(),
  occurredAt: '2026-11-02T09:00:00.000Z',
  ...overrides,
});

export const progressNote = (note: string): NewEvent => ({
  id: randomUUID(),
  type: 'ProgressRecorded',
  data: { note },
  metadata: testMetadata(),
});

/** Appends events to a stream through the chain, as the write path does: linked onto the stream's stored head. */
export async function appendChained(
  store: EventStore,
  streamId: string,
  events: readonly NewEvent[],
): Promise<StoredEvent[]> {
  const stored = await store.readStream(streamId);
  const last = stored[stored.length - 1];
  const chained = chainEvents(streamId, stored.length, last ? String(last.metadata.hash) : null, events);
  await store.append(streamId, chained, last ? last.revision : 'no_stream');
  return (await store.readStream(streamId)).slice(stored.length);
}

/**
 * A log in memory as the store would give it back (JSON round trip, positions in append order): `streams`
 * streams of `perStream` chained events each, interleaved round-robin.
 */
export function chainedLog(streams: number, perStream: number): StoredEvent[] {
  const streamIds = Array.from({ length: streams }, (_, index) => `action-${index}`);
  const heads = new Map<string, string | null>();
  const log: StoredEvent[] = [];
  for (let revision = 0; revision < perStream; revision++) {
    for (const streamId of streamIds) {
      const [event] = chainEvents(streamId, revision, heads.get(streamId) ?? null, [
        progressNote(`${streamId} note ${revision}`),
      ]);
      heads.set(streamId, event.metadata.hash);
      log.push(
        JSON.parse(
          JSON.stringify({
            ...event,
            streamId,
            revision,
            position: 0,
            recordedAt: '2026-11-02T09:00:01.000Z',
          }),
        ) as StoredEvent,
      );
    }
  }
  return log.map((event, index) => ({ ...event, position: BigInt(index + 1) }));
}
