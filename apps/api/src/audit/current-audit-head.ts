import { ChainVerifier, type AuditHead, type ChainBreak } from '@actionledger/audit';
import { EVENT_STORE, type EventStore } from '@actionledger/event-store';
import { Inject, Injectable } from '@nestjs/common';

const PAGE = 2_000;

export interface CurrentAuditHead {
  /** Absent when the chain is broken. */
  head?: AuditHead;
  broken?: ChainBreak;
  /** Events checked against the chain, in all. */
  events: number;
  streams: number;
}

/**
 * The audit head of the log as it stands, for the audit page: the first call checks the whole log as
 * `audit verify` does, later ones only the events appended since, so a page view does not re-read a long log.
 * (`actionledger audit verify` checks every event again, which is how a board checks a head it minuted.)
 */
@Injectable()
export class CurrentAuditHeads {
  private readonly verifier = new ChainVerifier();
  private lastPosition: bigint | undefined;
  private broken: ChainBreak | undefined;
  private reading: Promise<CurrentAuditHead> | null = null;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** One read at a time: callers that arrive meanwhile share it. */
  current(): Promise<CurrentAuditHead> {
    this.reading ??= this.catchUp().finally(() => (this.reading = null));
    return this.reading;
  }

  private async catchUp(): Promise<CurrentAuditHead> {
    while (!this.broken) {
      const events = await this.store.readAll({ after: this.lastPosition, limit: PAGE });
      for (const event of events) {
        this.broken = this.verifier.check(event);
        if (this.broken) break;
        this.lastPosition = event.position;
      }
      if (events.length < PAGE) break;
    }
    const counts = { events: this.verifier.events, streams: this.verifier.streams };
    return this.broken
      ? { broken: this.broken, ...counts }
      : { head: this.verifier.auditHead(this.lastPosition ?? 0n), ...counts };
  }
}
