import type { EventStore, StoredEvent } from '@actionledger/event-store';
import type { ReportEvent } from '../model/report-event';

const PAGE = 2_000;

export function asReportEvent(event: StoredEvent): ReportEvent {
  return {
    streamId: event.streamId,
    type: event.type,
    data: event.data,
    position: event.position,
    occurredAt: event.metadata.occurredAt ?? event.recordedAt,
    actorId: event.metadata.actor?.userId,
    ...(typeof event.metadata.reason === 'string' && { reason: event.metadata.reason }),
  };
}

/** The whole log, in pages, as the report reads it. */
export async function* logReportEvents(store: EventStore): AsyncGenerator<ReportEvent> {
  let after: bigint | undefined;
  for (;;) {
    const page = await store.readAll({ after, limit: PAGE });
    for (const event of page) yield asReportEvent(event);
    if (page.length < PAGE) return;
    after = page[page.length - 1].position;
  }
}
