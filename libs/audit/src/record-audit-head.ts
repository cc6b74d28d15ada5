import type { EventMetadata, EventStore } from '@actionledger/event-store';
import { v5 as uuidv5 } from 'uuid';
import { AuditChainBrokenError } from './audit-chain-broken.error';
import type { AuditHead } from './audit-head';
import { auditHeadStreamId, type AuditHeadRecorded } from './audit-head-recorded.event';
import { chainEvents } from './event-chain';
import { verifyEventLog, type LogVerification } from './verify-event-log';

/** Namespace of the recorded heads' event ids: one head is recorded once, however often the write is retried. */
const AUDIT_HEAD_ID_NAMESPACE = '4b0e8a52-2f7c-4d59-9d0a-6c1e3f9a7b21';

export interface RecordedAuditHead {
  head: AuditHead;
  verification: LogVerification;
  /** Where the AuditHeadRecorded event was stored. */
  recorded: { streamId: string; revision: number; position: bigint; previousDigest: string | null };
}

/**
 * Verifies the whole chain, takes the head of the log as it stands, and appends it as an `AuditHeadRecorded`
 * event, chained like every event and naming the head recorded before it. A head is never taken over a broken
 * chain (`AuditChainBrokenError`). A head recorded meanwhile by someone else fails the append's expected revision.
 */
export async function recordAuditHead(
  store: EventStore,
  metadata: Pick<EventMetadata, 'actor' | 'occurredAt'>,
): Promise<RecordedAuditHead> {
  const verification = await verifyEventLog(store);
  if (verification.broken) throw new AuditChainBrokenError(verification.broken);
  const head = verification.head!;
  const streamId = auditHeadStreamId();
  const [previous] = (await store.readStream(streamId)).slice(-1);
  const previousDigest = previous ? (previous.data as AuditHeadRecorded['data']).digest : null;
  const id = uuidv5(head.digest, AUDIT_HEAD_ID_NAMESPACE);
  const data: AuditHeadRecorded['data'] = {
    digest: head.digest,
    position: head.position.toString(),
    streams: head.streams,
    previousDigest,
  };
  const revision = previous ? previous.revision + 1 : 0;
  const [event] = chainEvents(streamId, revision, previous ? String(previous.metadata.hash) : null, [
    {
      id,
      type: 'AuditHeadRecorded' as const,
      data,
      metadata: { ...metadata, correlationId: id, causationId: id } as EventMetadata,
    },
  ]);
  const { position } = await store.append(streamId, [event], previous ? previous.revision : 'no_stream');
  return { head, verification, recorded: { streamId, revision, position, previousDigest } };
}
