import type { ExpectedRevision, NewEvent, StreamWrite } from './event-store.port';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Rejects, before any I/O, an append that no adapter could accept, so that both adapters fail alike (KurrentDB
 * needs UUID ids and hides `$` streams and types from `$all` readers).
 */
export function assertValidAppend(
  streamId: string,
  events: readonly NewEvent<string, object>[],
  expected: ExpectedRevision,
): void {
  if (typeof streamId !== 'string' || streamId === '' || streamId.startsWith('$')) {
    throw new TypeError(
      `Stream id must be a non-empty string not starting with "$", got ${JSON.stringify(streamId)}.`,
    );
  }
  if (expected !== 'no_stream' && expected !== 'any' && !(Number.isSafeInteger(expected) && expected >= 0)) {
    throw new TypeError(
      `Expected revision must be 'no_stream', 'any' or an integer ≥ 0, got ${String(expected)}.`,
    );
  }
  if (events.length === 0) {
    throw new TypeError(`An append to ${streamId} needs at least one event.`);
  }
  const ids = new Set<string>();
  for (const event of events) {
    if (!UUID.test(event.id)) {
      throw new TypeError(`Event id must be a UUID, got ${JSON.stringify(event.id)}.`);
    }
    if (ids.has(event.id)) {
      throw new TypeError(`Event id ${event.id} appears twice in one append to ${streamId}.`);
    }
    ids.add(event.id);
    if (typeof event.type !== 'string' || event.type === '' || event.type.startsWith('$')) {
      throw new TypeError(
        `Event type must be a non-empty string not starting with "$", got ${JSON.stringify(event.type)}.`,
      );
    }
  }
}

export function assertValidFromRevision(fromRevision: number): void {
  if (!Number.isSafeInteger(fromRevision) || fromRevision < 0) {
    throw new TypeError(`fromRevision must be an integer ≥ 0, got ${String(fromRevision)}.`);
  }
}

export function assertValidStreamWrites(writes: readonly StreamWrite[]): void {
  for (const write of writes) assertValidAppend(write.streamId, write.events, write.expected);
  if (new Set(writes.map((write) => write.streamId)).size !== writes.length) {
    throw new TypeError('appendToStreams needs distinct stream ids.');
  }
}
