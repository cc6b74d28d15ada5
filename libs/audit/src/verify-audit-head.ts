import type { EventStore } from '@actionledger/event-store';
import { auditHeadPosition, type AuditHead } from './audit-head';
import { auditHeadStreamId, isAuditHeadRecorded } from './audit-head-recorded.event';
import type { ChainBreak } from './chain-break';
import { verifyEventLog, type LogVerification } from './verify-event-log';

export type AuditHeadCheck =
  | { status: 'intact'; verification: LogVerification; head: AuditHead }
  | { status: 'chain-broken'; verification: LogVerification; broken: ChainBreak }
  | { status: 'head-mismatch'; verification: LogVerification; head: AuditHead; message: string };

/**
 * Shows that today's log still extends a head taken earlier: the chain verifies, and the heads of all streams as
 * of the head's position, recomputed from today's log, give the same digest. So no event at or before that
 * position changed (even one re-hashed with its successors) and no stream it covered vanished.
 */
export async function verifyAuditHead(store: EventStore, digest: string): Promise<AuditHeadCheck> {
  const expected = digest.trim();
  const position = auditHeadPosition(expected);
  const verification = await verifyEventLog(store, { headAt: position });
  if (verification.broken) {
    return { status: 'chain-broken', verification, broken: verification.broken };
  }
  const head = verification.headAt!;
  if (head.digest === expected) return { status: 'intact', verification, head };

  const recorded = (await store.readStream(auditHeadStreamId()))
    .filter(isAuditHeadRecorded)
    .find((event) => event.data.digest === expected);
  const streams = recorded
    ? `It was recorded over ${recorded.data.streams} streams; today's log has ${head.streams} as of that position` +
      (recorded.data.streams > head.streams ? `: ${vanished(recorded.data.streams - head.streams)}.` : '.')
    : `Today's log has ${head.streams} streams as of that position (this head is not among the recorded ones).`;
  const ends =
    verification.lastPosition < position
      ? ` The log now ends at position ${verification.lastPosition}, before the head's: its last events were removed.`
      : '';
  return {
    status: 'head-mismatch',
    verification,
    head,
    message:
      `Today's log does not extend head ${expected}: as of position ${position} its streams' heads give ` +
      `${head.digest}. An event at or before that position was changed or removed, or a stream vanished. ` +
      streams +
      ends,
  };
}

const vanished = (streams: number) =>
  streams === 1
    ? 'one of the streams it covered has vanished'
    : `${streams} of the streams it covered have vanished`;
