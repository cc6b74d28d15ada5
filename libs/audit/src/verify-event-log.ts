import type { EventStore, StoredEvent } from '@actionledger/event-store';
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
    for (const event of page.events) {
      if (headAt !== undefined && headAtResult === undefined && event.position > headAt) {
        headAtResult = verifier.auditHead(headAt);
      }
      const broken = verifier.check(event);
      if (broken) return result(broken);
      lastPosition = event.position;
    }
    if (page.last) return result();
  }
}

/**
 * A page of the log. When an event in it no longer parses, the page is read again one event at a time up to that
 * event, so that the events before it are still checked and the error names the position just before it.
 */
async function readPage(
  store: EventStore,
  after: bigint | undefined,
  limit: number,
): Promise<{ events: StoredEvent[]; last: boolean }> {
  try {
    const events = await store.readAll({ after, limit });
    return { events, last: events.length < limit };
  } catch (error) {
    if (!isSyntaxError(error)) throw error;
  }
  const events: StoredEvent[] = [];
  let position = after;
  while (events.length < limit) {
    let single: StoredEvent[];
    try {
      single = await store.readAll({ after: position, limit: 1 });
    } catch (error) {
      if (!isSyntaxError(error)) throw error;
      if (events.length > 0) return { events, last: false };
      throw new UnreadableEventError(position ?? 0n, error as SyntaxError);
    }
    if (single.length === 0) return { events, last: true };
    events.push(single[0]);
    position = single[0].position;
  }
  return { events, last: false };
}

const isSyntaxError = (error: unknown) => (error as Error | undefined)?.name === 'SyntaxError';

/** An event's stored JSON no longer parses: someone edited its bytes. The store cannot say which stream it is in. */
export class UnreadableEventError extends Error {
  constructor(
    readonly after: bigint,
    cause: SyntaxError,
  ) {
    super(
      `The first event after log position ${after} cannot be read (${cause.message}): its stored bytes were ` +
        'changed.',
      { cause },
    );
    this.name = 'UnreadableEventError';
  }
}
