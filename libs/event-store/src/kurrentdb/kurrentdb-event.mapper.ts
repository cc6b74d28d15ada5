import {
  ANY,
  jsonEvent,
  NO_STREAM,
  START,
  type AppendStreamState,
  type EventData,
  type ReadPosition,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import type { EventMetadata, ExpectedRevision, NewEvent, StoredEvent } from '../event-store.port';

export function toStreamState(expected: ExpectedRevision): AppendStreamState {
  if (expected === 'no_stream') return NO_STREAM;
  if (expected === 'any') return ANY;
  return BigInt(expected);
}

/**
 * Serialises the event once before anything is sent, so that data JSON cannot represent rejects the append: the
 * client serialises inside the request, where the same error would leave the append hanging.
 */
export function toEventData(event: NewEvent<string, object>): EventData {
  if (JSON.stringify(event.data) === undefined || JSON.stringify(event.metadata) === undefined) {
    throw new TypeError(`Event ${event.id} has data or metadata that is not JSON.`);
  }
  return jsonEvent({
    id: event.id,
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata: event.metadata,
  });
}

/**
 * A multi-stream append (KurrentDB 25.1+) carries metadata as string properties only, so each value travels as
 * JSON under a marker that `toStoredEvent` recognises and undoes.
 */
const STRING_MAP_MARKER = '$actionledger.metadata';

export function toMultiAppendEventData(event: NewEvent<string, object>): EventData {
  const properties: Record<string, string> = { [STRING_MAP_MARKER]: 'json-values' };
  for (const [key, value] of Object.entries(event.metadata)) properties[key] = JSON.stringify(value);
  return { ...toEventData(event), metadata: properties } as EventData;
}

function fromStoredMetadata(metadata: Record<string, unknown>): EventMetadata {
  if (metadata[STRING_MAP_MARKER] !== 'json-values') return metadata as EventMetadata;
  const decoded: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(metadata)) {
    if (key !== STRING_MAP_MARKER) decoded[key] = JSON.parse(String(value));
  }
  return decoded as EventMetadata;
}

/** The port's position is the event's commit position in KurrentDB's log (the contract checks it orders events). */
export function toReadPosition(after: bigint | undefined): ReadPosition {
  return after === undefined ? START : { commit: after, prepare: after };
}

/** Where the server has no log position to give (events read from a stream before 22.6, deduplicated appends). */
export const NO_POSITION = 2n ** 64n - 1n;

/** `undefined` for what the port does not deliver: system events and links to deleted events. */
export function toStoredEvent(resolved: ResolvedEvent): StoredEvent | undefined {
  const recorded = resolved.event;
  if (!recorded || recorded.type.startsWith('$') || recorded.streamId.startsWith('$')) return undefined;
  const position = [recorded.position?.commit, resolved.commitPosition].find(
    (candidate) => candidate !== undefined && candidate !== NO_POSITION,
  );
  if (position === undefined) {
    throw new Error(
      `KurrentDB returned event ${recorded.id} without its log position (server older than 22.6?).`,
    );
  }
  if (!recorded.isJson || !isObject(recorded.data) || !isObject(recorded.metadata)) {
    throw new Error(
      `Event ${recorded.id} in ${recorded.streamId} was not written as JSON through this store.`,
    );
  }
  return {
    id: recorded.id,
    type: recorded.type,
    data: recorded.data,
    metadata: fromStoredMetadata(recorded.metadata),
    streamId: recorded.streamId,
    revision: Number(recorded.revision),
    position,
    recordedAt: recorded.created.toISOString(),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !(value instanceof Uint8Array);
}
