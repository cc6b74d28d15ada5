import { randomUUID } from 'node:crypto';
import { chainEvents } from '@actionledger/audit';
import type { EventMetadata, EventStore } from '@actionledger/event-store';
import type { ScriptedEvent } from '../../../projections/src/testing/plan-script';
import { asReportEvents } from './scripted-report-events';

/**
 * Appends a script's events to a real store, chained as the write path chains them, each written at the time its
 * data gives (so that the report's "as at" and "since" see them on their days), by `actorId`.
 */
export async function appendScriptedEvents(
  store: EventStore,
  events: readonly ScriptedEvent[],
  actorId = 'lead-1',
  organisationId = 'org-1',
): Promise<void> {
  const tails = new Map<string, { revision: number; hash: string }>();
  for (const event of asReportEvents(events)) {
    const tail = tails.get(event.streamId);
    const [chained] = chainEvents(event.streamId, tail ? tail.revision + 1 : 0, tail?.hash ?? null, [
      {
        id: randomUUID(),
        type: event.type,
        data: event.data,
        metadata: {
          actor: { userId: actorId, role: 'lead', organisationId },
          correlationId: randomUUID(),
          causationId: randomUUID(),
          occurredAt: event.occurredAt,
          ...(event.reason && { reason: event.reason }),
        } as EventMetadata,
      },
    ]);
    await store.append(event.streamId, [chained], tail ? tail.revision : 'no_stream');
    tails.set(event.streamId, {
      revision: tail ? tail.revision + 1 : 0,
      hash: String(chained.metadata.hash),
    });
  }
}
