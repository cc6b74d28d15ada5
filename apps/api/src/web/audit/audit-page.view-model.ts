import type { CurrentAuditHead } from '../../audit/current-audit-head';
import type { TrailEntry } from '../../audit/trail-entry';
import { formErrors, type FieldError } from '../sign-in/sign-in.view-model';
import type { AuditFilterForm } from './audit-filter';

/** The page shows this many of the latest steps; the CSV has them all. */
export const TRAIL_ROWS_SHOWN = 500;

const WHEN = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
  timeZone: 'Europe/London',
});

/** `2026-11-02T09:00:00Z` → `2 November 2026, 9:00am`, in England's time. */
export function whenOf(instant: string): string {
  return WHEN.format(new Date(instant)).replace(' am', 'am').replace(' pm', 'pm').replace(' at ', ', ');
}

/** `ActionAssigned` → `Action assigned`. */
export function eventName(type: string): string {
  const words = type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The page a step's record has, where it has one. */
export function recordLink(streamId: string): { href: string; text: string } | null {
  const match = /^(action|inspection)-([0-9a-f-]{36})$/.exec(streamId);
  if (!match) return null;
  return { href: `/${match[1]}s/${match[2]}`, text: match[1] === 'action' ? 'Action' : 'Inspection' };
}

export interface AuditPageInput {
  form: AuditFilterForm;
  errors: FieldError[];
  inspections: { inspectionId: string; authority: string; letterDate: string | null }[];
  people: { userId: string; name: string }[];
  entries: TrailEntry[] | null;
  verification: CurrentAuditHead;
  csvHref: string;
}

export function auditPageViewModel(input: AuditPageInput) {
  const entries = input.entries ?? [];
  const shown = entries.slice(-TRAIL_ROWS_SHOWN);
  return {
    title: 'Audit trail',
    form: input.form,
    ...formErrors(input.errors),
    inspectionItems: [
      { value: '', text: 'Any inspection' },
      ...input.inspections.map((inspection) => ({
        value: inspection.inspectionId,
        text: `${inspection.authority}${inspection.letterDate ? `, letter ${inspection.letterDate}` : ''}`,
        selected: inspection.inspectionId === input.form.inspection,
      })),
    ],
    personItems: [
      { value: '', text: 'Anyone' },
      ...input.people.map((person) => ({
        value: person.userId,
        text: person.name,
        selected: person.userId === input.form.person,
      })),
    ],
    head: input.verification.head
      ? { digest: input.verification.head.digest, position: input.verification.head.position.toString() }
      : null,
    events: input.verification.events,
    streams: input.verification.streams,
    broken: input.verification.broken?.message ?? null,
    total: entries.length,
    hidden: entries.length - shown.length,
    rows:
      input.entries === null
        ? null
        : shown.map((entry) => ({
            when: whenOf(entry.occurredAt),
            who: entry.who.name,
            role: entry.who.role,
            what: eventName(entry.type),
            record: recordLink(entry.streamId),
            changes: Object.entries(entry.changes).map(
              ([field, { before, after }]) => `${field}: ${String(before ?? '—')} → ${String(after ?? '—')}`,
            ),
            why: entry.why,
          })),
    csvHref: input.csvHref,
  };
}
