import type { StoredEvent } from '@actionledger/event-store';
import { trailEntryOf } from '../../audit/trail-entry';
import { humanise } from '../rendering/view-filters';

const WHAT: Record<string, string> = {
  ActionPlanned: 'Planned',
  ActionAssigned: 'Assigned',
  ActionReassigned: 'Reassigned',
  ActionRescheduled: 'Due date moved',
  ProgressRecorded: 'Progress recorded',
  ActionCompleted: 'Completed',
  ActionVerified: 'Verified',
  ActionReopened: 'Sent back',
  ActionWithdrawn: 'Withdrawn',
  ActionAmended: 'Amended',
};

const NOTE_FIELDS = ['note', 'summary'] as const;

/** The action's history as a timeline, newest first: who (name, role), when, what, before → after, and why. */
export function historyTimeline(events: readonly StoredEvent[], nameOf: (userId: string) => string) {
  return events
    .map((event) => {
      const entry = trailEntryOf(event, nameOf);
      const data = event.data as Record<string, unknown>;
      const note = NOTE_FIELDS.map((field) => data[field]).find((value) => typeof value === 'string');
      return {
        what: WHAT[event.type] ?? humanise(event.type),
        who: entry.who.name,
        role: humanise(entry.who.role),
        when: entry.occurredAt,
        changes: Object.entries(entry.changes).map(([field, { before, after }]) => ({
          field: field === 'dueDate' ? 'Due date' : humanise(field),
          before: before ?? null,
          after: after ?? null,
          isDate: field === 'dueDate',
        })),
        why: entry.why,
        note: (note as string | undefined) ?? null,
      };
    })
    .reverse();
}
