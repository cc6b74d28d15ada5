import { randomUUID } from 'node:crypto';
import { chainEvents } from '@actionledger/audit';
import type { DomainEvent } from '@actionledger/domain';
import type { EventMetadata, NewEvent } from '@actionledger/event-store';
import type { CommandContext } from './command-context';
import { deterministicId } from './deterministic-id';

export interface Provenance {
  context: CommandContext;
  now: Date;
  commandType: string;
  reason?: string;
  /** The digest of the request an Idempotency-Key was sent with (see `requestDigest`). */
  requestDigest?: string;
  /** Where imported facts came from: the file's digest and, for a row's events, the row. */
  imported?: ImportedFrom;
}

/** Marks an event as imported, so that the trail shows which file (and row of it) each fact came from. */
export interface ImportedFrom {
  fileName: string;
  digest: string;
  row?: number;
}

/** Where the new events go: the stream, the revision its first one takes, and the stream's last hash. */
export interface StreamTail {
  streamId: string;
  nextRevision: number;
  headHash: string | null;
}

/**
 * Decided events, ready to append: each carries who, when, why and in answer to what, and its links in the
 * stream's hash chain. With an Idempotency-Key the event ids are derived from the caller and the key (not from
 * the stream), so a retry writes the same ids and the store keeps one copy, and the same key sent about another
 * record collides with the ids it already wrote there.
 */
export function toNewEvents(
  tail: StreamTail,
  decided: readonly DomainEvent[],
  provenance: Provenance,
  firstIndex = 0,
): NewEvent[] {
  const { context, now, commandType, reason, requestDigest, imported } = provenance;
  const key = context.idempotencyKey;
  const metadata: EventMetadata = {
    actor: context.actor,
    correlationId: context.correlationId,
    causationId: context.causationId,
    occurredAt: now.toISOString(),
    command: commandType,
    ...(reason !== undefined && { reason }),
    ...(key !== undefined && { idempotency: { key, digest: requestDigest ?? null } }),
    ...(imported !== undefined && { imported }),
  };
  const unchained = decided.map((event, index) => ({
    id: key ? deterministicId(context.actor.userId, key, String(firstIndex + index)) : randomUUID(),
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata,
  }));
  return chainEvents(tail.streamId, tail.nextRevision, tail.headHash, unchained);
}
