import { hash as digest } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/**
 * The hash chain of the audit trail. Each event's metadata carries the hash of the event before it in its stream
 * (`previousHash`, null for a stream's first event) and its own `hash`: SHA-256 over the RFC 8785 canonical JSON
 * of its id, stream, revision, type, data and metadata (less `hash` itself). An edited, deleted or reordered
 * event no longer matches its hash or its successor's `previousHash`.
 */
export interface ChainLinks {
  previousHash: string | null;
  hash: string;
}

/** What an event's hash covers: everything the store keeps of it but the store's own position and time. */
export interface HashableEvent {
  id: string;
  streamId: string;
  revision: number;
  type: string;
  data: unknown;
  metadata: object;
}

export function eventHash(event: HashableEvent): string {
  return digest('sha256', canonicalEvent(event), 'hex');
}

/** The canonical text an event's hash is taken over (keys in canonical order, `hash` left out). */
function canonicalEvent(event: HashableEvent): string {
  const { hash: _hash, ...metadata } = event.metadata as Record<string, unknown>;
  return canonicalJson({
    data: event.data,
    id: event.id,
    metadata,
    revision: event.revision,
    streamId: event.streamId,
    type: event.type,
  });
}

interface UnchainedEvent<Metadata> {
  id: string;
  type: string;
  data: unknown;
  metadata: Metadata;
}

/**
 * Links new events onto the end of a stream: the first gets the stream's current head as `previousHash`, each
 * next one the hash of the one before it. `firstRevision` is the revision the first new event will be stored at.
 */
export function chainEvents<Metadata extends object, Event extends UnchainedEvent<Metadata>>(
  streamId: string,
  firstRevision: number,
  headHash: string | null,
  events: readonly Event[],
): (Omit<Event, 'metadata'> & { metadata: Event['metadata'] & ChainLinks })[] {
  let previousHash = headHash;
  return events.map((event, index) => {
    const canonical = canonicalEvent({
      id: event.id,
      streamId,
      revision: firstRevision + index,
      type: event.type,
      data: event.data,
      metadata: { ...event.metadata, previousHash },
    });
    const hash = digest('sha256', canonical, 'hex');
    previousHash = hash;
    // Stored in canonical key order, so that checking the hash later takes canonicalJson's fast path.
    const stored = JSON.parse(canonical) as { data: Event['data']; metadata: Event['metadata'] & ChainLinks };
    return { ...event, data: stored.data, metadata: { ...stored.metadata, hash } };
  });
}
