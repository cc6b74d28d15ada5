import type { CalendarDate } from '../shared/calendar-date';
import type { DomainEvent } from '../shared/decider';

export type ActionPlanned = DomainEvent<
  'ActionPlanned',
  {
    actionId: string;
    findingId: string;
    organisationId: string;
    title: string;
    description: string | null;
    /** `YYYY-MM` or `YYYY-MM-DD`: when an action imported from a report of work already done was taken. */
    recordedOn: string | null;
    plannedAt: string;
  }
>;
export type ActionAssigned = DomainEvent<
  'ActionAssigned',
  {
    actionId: string;
    ownerId: string;
    dueDate: CalendarDate;
    dueDateSource: 'given' | 'timescale_policy';
    assignedAt: string;
  }
>;
export type ActionReassigned = DomainEvent<
  'ActionReassigned',
  { actionId: string; previousOwnerId: string; ownerId: string; dueDate: CalendarDate; reassignedAt: string }
>;
export type ActionRescheduled = DomainEvent<
  'ActionRescheduled',
  {
    actionId: string;
    previousDueDate: CalendarDate;
    dueDate: CalendarDate;
    reason: string;
    rescheduledAt: string;
  }
>;
export type ProgressRecorded = DomainEvent<
  'ProgressRecorded',
  { actionId: string; note: string; recordedAt: string }
>;
export type ActionCompleted = DomainEvent<
  'ActionCompleted',
  {
    actionId: string;
    summary: string;
    /** Free text, as it always was: titles or references of documents kept elsewhere. */
    evidence: string[];
    /** The attached files the completion relies on, by SHA-256; absent when it names none (and before files). */
    evidenceSha256?: string[];
    completedBy: string;
    completedAt: string;
  }
>;
export type ActionVerified = DomainEvent<
  'ActionVerified',
  {
    actionId: string;
    note: string | null;
    /** The attached files the sign-off relies on, by SHA-256: what the lead read. Absent when it names none. */
    evidenceSha256?: string[];
    verifiedAt: string;
  }
>;

/**
 * A file attached to the action as evidence. Its bytes are in the blob store under `sha256`, never in the log;
 * the hash in this hash-chained event is what shows later that a file is the one attached.
 */
export type EvidenceAttached = DomainEvent<
  'EvidenceAttached',
  {
    actionId: string;
    fileName: string;
    mediaType: string;
    size: number;
    sha256: string;
    note: string | null;
    attachedBy: string;
    attachedAt: string;
  }
>;
export type ActionReopened = DomainEvent<
  'ActionReopened',
  { actionId: string; reason: string; reopenedAt: string }
>;

/** The action stops counting (not open, not overdue, not in any share); it stays visible as withdrawn. */
export type ActionWithdrawn = DomainEvent<
  'ActionWithdrawn',
  { actionId: string; reason: string; withdrawnAt: string }
>;

export interface ActionCorrection {
  title?: string;
  description?: string | null;
}
export type ActionAmended = DomainEvent<
  'ActionAmended',
  {
    actionId: string;
    changes: ActionCorrection;
    previous: ActionCorrection;
    reason: string;
    amendedAt: string;
  }
>;

/** The timers an open action has: a reminder before and on the day, overdue the working day after, escalation. */
export type ReminderKind = 'due_soon' | 'due' | 'overdue' | 'escalation';
export const REMINDER_KINDS: readonly ReminderKind[] = ['due_soon', 'due', 'overdue', 'escalation'];

/** The owner was told the action is due soon or due today. `jobId` names the timer that fired. */
export type ReminderSent = DomainEvent<
  'ReminderSent',
  {
    actionId: string;
    kind: 'due_soon' | 'due';
    dueDate: CalendarDate;
    jobId: string;
    /** User ids the message went to. */
    notified: string[];
    messageId: string;
    sentAt: string;
  }
>;
/** The working day after the due date came with the action still open; the owner and the lead were told. */
export type ActionFellOverdue = DomainEvent<
  'ActionFellOverdue',
  {
    actionId: string;
    dueDate: CalendarDate;
    jobId: string;
    notified: string[];
    /** Null when the message could not be sent (a ReminderFailed follows with the reason). */
    messageId: string | null;
    fellOverdueAt: string;
  }
>;
/** The action stayed overdue for the configured number of days; the lead and the board were told. */
export type ActionEscalated = DomainEvent<
  'ActionEscalated',
  {
    actionId: string;
    dueDate: CalendarDate;
    daysOverdue: number;
    jobId: string;
    notified: string[];
    messageId: string | null;
    escalatedAt: string;
  }
>;
/** A reminder's message could not be delivered after all its attempts. */
export type ReminderFailed = DomainEvent<
  'ReminderFailed',
  {
    actionId: string;
    kind: ReminderKind;
    dueDate: CalendarDate;
    jobId: string;
    reason: string;
    attempts: number;
    failedAt: string;
  }
>;

export type ReminderEvent = ReminderSent | ActionFellOverdue | ActionEscalated | ReminderFailed;

export type ActionEvent =
  | ActionPlanned
  | ActionAssigned
  | ActionReassigned
  | ActionRescheduled
  | ProgressRecorded
  | ActionCompleted
  | ActionVerified
  | ActionReopened
  | ActionWithdrawn
  | ActionAmended
  | ReminderEvent
  | EvidenceAttached;
