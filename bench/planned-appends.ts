import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@actionledger/event-store';

/** One append a benchmark makes: an event for a stream, at the revision it will be stored at. */
export interface PlannedAppend {
  streamId: string;
  revision: number;
  event: NewEvent;
}

export const benchStreamIds = (streams: number, prefix: string): string[] =>
  Array.from({ length: streams }, () => `${prefix}-action-${randomUUID()}`);

/** A progress note as the API writes one, the `index`th of the benchmark. */
export function progressEvent(streamId: string, index: number): NewEvent {
  return {
    id: randomUUID(),
    type: 'ProgressRecorded',
    data: { actionId: streamId, note: `Progress note ${index}`, percentComplete: index % 100 },
    metadata: {
      actor: { userId: 'u-owner-1', role: 'owner', organisationId: 'org-bench' },
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: '2026-11-02T09:00:00.000Z',
    },
  };
}

/**
 * Round-robin over the streams, so each append names the revision the previous one to its stream produced;
 * `from` continues a plan where an earlier one stopped.
 */
export function planAppends(events: number, streamIds: readonly string[], from = 0): PlannedAppend[] {
  return Array.from({ length: events }, (_, offset) => {
    const index = from + offset;
    const streamId = streamIds[index % streamIds.length];
    return {
      streamId,
      revision: Math.floor(index / streamIds.length),
      event: progressEvent(streamId, index),
    };
  });
}
