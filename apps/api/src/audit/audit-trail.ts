import { UserDirectory } from '@actionledger/auth';
import { EVENT_STORE, type EventStore, type StoredEvent } from '@actionledger/event-store';
import { Inject, Injectable } from '@nestjs/common';
import { trailEntryOf, type TrailEntry } from './trail-entry';

const PAGE = 1000;

/** Which steps of the trail to show; every field narrows it, none shows all of the organisation's. */
export interface TrailFilter {
  /** These streams only (an action's, or an inspection's with its findings' and actions'). */
  streams?: readonly string[];
  /** Steps this person took. */
  userId?: string;
  /** From this day (inclusive, UTC). */
  from?: string;
  /** To this day (inclusive, UTC). */
  to?: string;
}

/** Events of the caller's organisation: made by its people (or by processes for it), or about its records. */
function belongsTo(event: StoredEvent, organisationId: string | null): boolean {
  return (
    event.metadata.actor.organisationId === organisationId ||
    (event.data as { organisationId?: unknown }).organisationId === organisationId
  );
}

/** The audit trail of one organisation, oldest first, as `GET /api/audit` and the `/audit` page show it. */
@Injectable()
export class AuditTrail {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly directory: UserDirectory,
  ) {}

  async entries(organisationId: string | null, filter: TrailFilter): Promise<TrailEntry[]> {
    const events = (filter.streams ? await this.readStreams(filter.streams) : await this.readAll()).filter(
      (event) =>
        belongsTo(event, organisationId) &&
        (!filter.userId || event.metadata.actor.userId === filter.userId) &&
        (!filter.from || event.metadata.occurredAt.slice(0, 10) >= filter.from) &&
        (!filter.to || event.metadata.occurredAt.slice(0, 10) <= filter.to),
    );
    await this.directory.catchUp();
    return events.map((event) => trailEntryOf(event, (userId) => this.directory.displayName(userId)));
  }

  private async readStreams(streamIds: readonly string[]): Promise<StoredEvent[]> {
    const streams = await Promise.all(streamIds.map((streamId) => this.store.readStream(streamId)));
    return streams.flat().sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
  }

  private async readAll(): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    for (let after = 0n; ;) {
      const page = await this.store.readAll({ after, limit: PAGE });
      events.push(...page);
      if (page.length < PAGE) return events;
      after = page[page.length - 1].position;
    }
  }
}
