/**
 * An event as the report reads it: what the store gives back, less what a report has no use for. Plain data, so
 * that the report is a function over events and its tests need no server.
 */
export interface ReportEvent {
  streamId: string;
  type: string;
  data: Record<string, unknown>;
  position: bigint;
  /** ISO-8601 instant it was written (the event's metadata). */
  occurredAt: string;
  /** Who wrote it and why, where the metadata says. */
  actorId?: string;
  reason?: string;
}

const ROOTS = new Set(['InspectionRecorded', 'FindingRaised', 'ActionPlanned', 'FollowUpScheduled']);

/**
 * The events of one inspection, in log order: its own stream, its findings', their actions' and the follow-ups
 * that look at it. One pass: a root event names its parent, and a later event's stream is known by then.
 */
export function eventsOfInspection(events: Iterable<ReportEvent>, inspectionId: string): ReportEvent[] {
  const streams = new Set<string>();
  const findings = new Set<string>();
  const picked: ReportEvent[] = [];
  for (const event of events) {
    if (ROOTS.has(event.type)) {
      const { data } = event;
      const belongs =
        (event.type === 'InspectionRecorded' && data.inspectionId === inspectionId) ||
        (event.type === 'FindingRaised' && data.inspectionId === inspectionId) ||
        (event.type === 'ActionPlanned' && findings.has(data.findingId as string)) ||
        (event.type === 'FollowUpScheduled' && data.followsInspectionId === inspectionId);
      if (!belongs) continue;
      if (event.type === 'FindingRaised') findings.add(data.findingId as string);
      streams.add(event.streamId);
    }
    if (streams.has(event.streamId)) picked.push(event);
  }
  return picked;
}
