import type { CommandContext, CommandExecutor } from '@actionledger/command-handling';
import type { EventStore } from '@actionledger/event-store';
import { auditHeadDecider } from './audit-head.decider';
import { AuditChainBrokenError } from './audit-chain-broken.error';
import type { AuditHead } from './audit-head';
import { auditHeadStreamId, type AuditHeadRecorded } from './audit-head-recorded.event';
import { verifyEventLog, type LogVerification } from './verify-event-log';

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
  commands: Pick<CommandExecutor, 'execute'>,
  context: CommandContext,
): Promise<RecordedAuditHead> {
  const verification = await verifyEventLog(store);
  if (verification.broken) throw new AuditChainBrokenError(verification.broken);
  const head = verification.head!;
  const streamId = auditHeadStreamId();
  const data = { digest: head.digest, position: head.position.toString(), streams: head.streams };
  // Through the one write path, like every event: metadata, chain links and the expected revision.
  const { version } = await commands.execute({
    id: head.digest,
    streamId,
    decider: auditHeadDecider,
    commandType: 'RecordAuditHead',
    payload: data,
    context,
    prepare: (_state, metadata) => ({ type: 'RecordAuditHead' as const, data, metadata }),
  });
  const [recorded] = await store.readStream(streamId, { fromRevision: version });
  const { previousDigest } = (recorded as unknown as AuditHeadRecorded).data;
  return {
    head,
    verification,
    recorded: { streamId, revision: version, position: recorded.position, previousDigest },
  };
}
