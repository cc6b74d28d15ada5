import type { EventStore } from '@actionledger/event-store';
import type { AuditHead } from './audit-head';
import type { ChainBreak } from './chain-break';
import { ChainVerifier } from './chain-verifier';

export interface VerifyEventLogOptions {
  /** Also compute the audit head as of this log position (for checking a minuted head). */
  headAt?: bigint;
  /** Events read per page; default 2,000. */
  pageSize?: number;
}

export interface LogVerification {
  /** Events checked and found intact (all of them when `broken` is absent). */
  events: number;
  streams: number;
  /** The position of the last event read; 0 for an empty log. */
  lastPosition: bigint;
  /** The first broken link, if any; reading stops there. */
  broken?: ChainBreak;
  /** The audit head of the whole log as read (absent when the chain is broken). */
  head?: AuditHead;
  /** The audit head as of `headAt` (absent when the chain broke before reaching it). */
  headAt?: AuditHead;
}

/**
 * Reads the whole log in pages in position order and checks every event's link in its stream's hash chain,
 * stopping at the first broken one.
 */
export async function verifyEventLog(
  store: EventStore,
  options: VerifyEventLogOptions = {},
): Promise<LogVerification> {
  const pageSize = options.pageSize ?? 2_000;
  const { headAt } = options;
  const verifier = new ChainVerifier();
  let lastPosition = 0n;
  let headAtResult: AuditHead | undefined;
  const result = (broken?: ChainBreak): LogVerification => ({
    events: verifier.events,
    streams: verifier.streams,
    lastPosition,
    ...(broken ? { broken } : { head: verifier.auditHead(lastPosition) }),
    ...(headAtResult ? { headAt: headAtResult } : {}),
    ...(!headAtResult && headAt !== undefined && !broken ? { headAt: verifier.auditHead(headAt) } : {}),
  });
  let started = false;
  for (;;) {
    const page = await readPage(store, started ? lastPosition : undefined, pageSize);
    started = true;
    for (const event of page) {
      if (headAt !== undefined && headAtResult === undefined && event.position > headAt) {
        headAtResult = verifier.auditHead(headAt);
      }
      const broken = verifier.check(event);
      if (broken) return result(broken);
      lastPosition = event.position;
    }
    if (page.length < pageSize) return result();
  }
}

async function readPage(store: EventStore, after: bigint | undefined, limit: number) {
  try {
    return await store.readAll({ after, limit });
  } catch (error) {
    throw new Error(
      `Could not read the log after position ${after ?? 0n} (${(error as Error).message}). If the store is ` +
        'reachable, an event there no longer parses: its stored bytes were changed.',
      { cause: error },
    );
  }
}
