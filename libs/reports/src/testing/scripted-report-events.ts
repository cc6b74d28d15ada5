import type { ScriptedEvent } from '../../../projections/src/testing/plan-script';
import type { Person } from '../model/committee-report';
import type { ReportEvent } from '../model/report-event';

/** A scripted event carries its time in its data (`plannedAt`, `completedAt`, …): the log's metadata has it too. */
export function asReportEvents(events: readonly ScriptedEvent[]): ReportEvent[] {
  return events.map((event) => {
    const at = Object.entries(event.data).find(
      ([key, value]) => key.endsWith('At') && typeof value === 'string',
    );
    if (!at) throw new Error(`A scripted ${event.type} has no time in its data.`);
    return {
      streamId: event.streamId,
      type: event.type,
      data: event.data,
      position: event.position,
      occurredAt: at[1] as string,
      ...(typeof event.data.reason === 'string' && { reason: event.data.reason }),
    };
  });
}

/** People named after their ids, as a directory would name them. */
export const namedAfterId = (userId: string): Person => ({
  userId,
  name: `Name of ${userId}`,
  roles: ['owner'],
});
