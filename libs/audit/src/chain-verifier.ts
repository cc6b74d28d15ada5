import { hashBreak, previousHashBreak, revisionBreak, unchainedBreak, type ChainBreak } from './chain-break';
import { eventHash } from './event-chain';
import { auditHeadOf, type AuditHead } from './audit-head';

/** An event as the store gives it back: enough to check its links and recompute its hash. */
export interface VerifiableEvent {
  id: string;
  streamId: string;
  revision: number;
  position: bigint;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
}

/** A stream's last checked event. */
export interface StreamHead {
  revision: number;
  hash: string;
}

/**
 * Checks a log's events one by one in log order, keeping each stream's last revision and hash: each event must
 * take the next revision of its stream, link to its stream's last hash, and carry the hash of its own content.
 * Pure: the caller reads the events.
 */
export class ChainVerifier {
  private readonly heads = new Map<string, StreamHead>();
  private checked = 0;

  /** Checks the next event of the log; on a break, returns it and keeps the heads as they were before it. */
  check(event: VerifiableEvent): ChainBreak | undefined {
    const head = this.heads.get(event.streamId);
    const expectedRevision = head === undefined ? 0 : head.revision + 1;
    if (event.revision !== expectedRevision) return revisionBreak(event, expectedRevision);
    const { metadata } = event;
    if (typeof metadata.hash !== 'string' || !('previousHash' in metadata)) return unchainedBreak(event);
    const expectedPrevious = head === undefined ? null : head.hash;
    if (metadata.previousHash !== expectedPrevious) {
      return previousHashBreak(event, expectedPrevious, metadata.previousHash);
    }
    const computed = eventHash(event);
    if (computed !== metadata.hash) return hashBreak(event, computed, metadata.hash);
    // Updated in place: one object per stream, not one per event, keeps the collector out of a long verify.
    if (head === undefined) this.heads.set(event.streamId, { revision: event.revision, hash: computed });
    else {
      head.revision = event.revision;
      head.hash = computed;
    }
    this.checked++;
    return undefined;
  }

  get events(): number {
    return this.checked;
  }

  get streams(): number {
    return this.heads.size;
  }

  headOf(streamId: string): StreamHead | undefined {
    const head = this.heads.get(streamId);
    return head && { ...head };
  }

  /** The audit head of the events checked so far, named as of `position` (the last position they cover). */
  auditHead(position: bigint): AuditHead {
    return auditHeadOf(position, this.heads);
  }
}
