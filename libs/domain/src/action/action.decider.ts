import type { CalendarDate } from '../shared/calendar-date';
import type { Decider, DomainCommand } from '../shared/decider';
import { DomainRuleViolation } from '../shared/domain-rule-violation';
import { NotPermitted } from '../shared/not-permitted';
import type { FindingCategory, Timescale } from '../shared/vocabulary';
import { defaultDueDate, type DueDatePolicy } from '../policies/due-date.policy';
import type { ActionCorrection, ActionEvent, ReminderKind } from './action.events';

/** The categories of finding that call for action; strengths and requirements met do not. */
const ACTIONABLE = new Set<FindingCategory>(['priority_action', 'area_for_development', 'recommendation']);

/** What an action command needs to know about the finding it serves; the handler reads it from the finding. */
export interface FindingFacts {
  findingId: string;
  organisationId: string;
  status: 'open' | 'resolved';
  category: FindingCategory;
  timescale: Timescale;
  /** The day the finding's timescale counts from (the letter's date), which a default due date is counted from. */
  countsFrom: CalendarDate;
}

type ActionCommandOf<Type extends string, Data> = DomainCommand<Type, Data & { actionId: string }> & {
  finding: FindingFacts;
};

export type PlanAction = ActionCommandOf<
  'PlanAction',
  { title: string; description?: string | null; recordedOn?: string | null }
>;
export type AssignAction = ActionCommandOf<'AssignAction', { ownerId: string; dueDate?: CalendarDate }>;
export type ReassignAction = ActionCommandOf<'ReassignAction', { ownerId: string; dueDate?: CalendarDate }>;
export type RescheduleAction = ActionCommandOf<'RescheduleAction', { dueDate: CalendarDate; reason: string }>;
export type RecordProgress = ActionCommandOf<'RecordProgress', { note: string }>;
export type CompleteAction = ActionCommandOf<
  'CompleteAction',
  { summary: string; evidence?: string[]; evidenceSha256?: string[] }
>;
export type VerifyAction = ActionCommandOf<
  'VerifyAction',
  { note?: string | null; evidenceSha256?: string[] }
>;
/** What the blob store and the file checks established about a file before it is attached. */
export interface EvidenceFileFacts {
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
}
export type AttachEvidence = ActionCommandOf<
  'AttachEvidence',
  { files: EvidenceFileFacts[]; note?: string | null }
>;
export type ReopenAction = ActionCommandOf<'ReopenAction', { reason: string }>;
export type WithdrawAction = ActionCommandOf<'WithdrawAction', { reason: string }>;
export type AmendAction = ActionCommandOf<
  'AmendAction',
  { title?: string; description?: string | null; reason: string }
>;
/** What a fired timer did: its message went out, or it could not be delivered after all its attempts. */
export type ReminderOutcome =
  | { delivered: true; notified: string[]; messageId: string }
  | { delivered: false; reason: string; attempts: number };

/** Sent by the reminders worker when a timer fires; `jobId` is the timer's deterministic id. */
export type RecordReminder = ActionCommandOf<
  'RecordReminder',
  { kind: ReminderKind; dueDate: CalendarDate; jobId: string; daysOverdue: number; outcome: ReminderOutcome }
>;

export type ActionCommand =
  | PlanAction
  | AssignAction
  | ReassignAction
  | RescheduleAction
  | RecordProgress
  | CompleteAction
  | VerifyAction
  | ReopenAction
  | WithdrawAction
  | AmendAction
  | RecordReminder
  | AttachEvidence;

export interface AttachedEvidence extends EvidenceFileFacts {
  note: string | null;
  attachedBy: string;
  attachedAt: string;
}

export type ActionStatus = 'planned' | 'assigned' | 'completed' | 'verified' | 'withdrawn';

export type ActionState =
  | { status: 'none' }
  | {
      status: ActionStatus;
      actionId: string;
      findingId: string;
      organisationId: string;
      title: string;
      description: string | null;
      recordedOn: string | null;
      ownerId: string | null;
      dueDate: CalendarDate | null;
      progressNotes: number;
      completion: {
        summary: string;
        evidence: string[];
        evidenceSha256: string[];
        completedBy: string;
        completedAt: string;
      } | null;
      verifiedAt: string | null;
      /** The attached files the sign-off named, by SHA-256. */
      verifiedEvidenceSha256: string[];
      /** Every file attached, oldest first; reopening keeps them, as the record of what was sent. */
      evidenceFiles: AttachedEvidence[];
      withdrawal: { reason: string; withdrawnAt: string } | null;
      /** The timers (job ids) whose reminder, overdue, escalation or failure is recorded: each is recorded once. */
      remindersRecorded: string[];
    };

type ExistingAction = Exclude<ActionState, { status: 'none' }>;

export const initialActionState: ActionState = { status: 'none' };

function refuse(reason: string): never {
  throw new DomainRuleViolation(reason);
}

function requireText(value: string | undefined | null, what: string): string {
  const text = value?.trim() ?? '';
  if (text === '') refuse(`${what} is required.`);
  return text;
}

function requireAssigned(
  state: ExistingAction,
  doing: string,
): asserts state is ExistingAction & { ownerId: string; dueDate: CalendarDate } {
  if (state.status === 'planned')
    refuse(`This action cannot be ${doing}: it has not been assigned to anyone.`);
  if (state.status === 'completed')
    refuse(`This action cannot be ${doing}: it has been completed; reopen it first.`);
  if (state.status === 'verified')
    refuse(`This action cannot be ${doing}: it has been verified; reopen it first.`);
}

/** An action owner acts only on the actions assigned to them; leads act on any action of their organisation. */
function requireOwnActionIfOwner(state: ExistingAction, command: ActionCommand, doing: string): void {
  const { actor } = command.metadata;
  if (actor.role === 'owner' && state.ownerId !== actor.userId) {
    throw new NotPermitted(`You can ${doing} only actions assigned to you.`);
  }
}

/**
 * The attached files a completion or sign-off relies on, each named once; one not attached to this action is
 * refused, so that a hash in the record always names a file the action holds.
 */
function requireAttached(state: ExistingAction, hashes: readonly string[] | undefined): string[] {
  const named = [...new Set((hashes ?? []).map((hash) => hash.trim().toLowerCase()))];
  for (const hash of named) {
    if (!state.evidenceFiles.some((file) => file.sha256 === hash))
      refuse(`The evidence ${hash} is not attached to this action; attach the file first.`);
  }
  return named;
}

/** Names the files it relies on only when there are any, so a completion without files is stored as before. */
const relyingOn = (hashes: string[]) => (hashes.length > 0 ? { evidenceSha256: hashes } : {});

/** The action decider, parameterised by the due-date policy, which is configuration rather than code. */
export function createActionDecider(policy: DueDatePolicy): Decider<ActionCommand, ActionEvent, ActionState> {
  function dueDateFor(command: AssignAction | ReassignAction): {
    dueDate: CalendarDate;
    source: 'given' | 'timescale_policy';
  } {
    if (command.data.dueDate)
      // A date already past is accepted: a plan that has slipped is recorded as it is, overdue at once.
      return { dueDate: command.data.dueDate, source: 'given' };
    const { timescale, countsFrom } = command.finding;
    const fallback = defaultDueDate(policy, timescale, countsFrom);
    if (!fallback)
      refuse(
        `A due date is required: the policy sets no default for findings with timescale "${timescale}".`,
      );
    // A timescale counted from an old letter may already have run out: the action is then overdue at once.
    return { dueDate: fallback, source: 'timescale_policy' };
  }

  function decide(command: ActionCommand, state: ActionState): ActionEvent[] {
    if (command.finding.status === 'resolved') {
      refuse('The finding this action serves is resolved; reopen the finding first.');
    }
    const at = command.metadata.now.toISOString();
    const { actionId } = command.data;

    if (command.type === 'PlanAction') {
      if (state.status !== 'none') refuse('This action has already been planned.');
      if (!ACTIONABLE.has(command.finding.category)) {
        refuse(
          `A finding of category "${command.finding.category}" needs no action: plan actions on areas for development, priority actions and recommendations.`,
        );
      }
      return [
        {
          type: 'ActionPlanned',
          data: {
            actionId,
            findingId: command.finding.findingId,
            organisationId: command.finding.organisationId,
            title: requireText(command.data.title, 'A title'),
            description: command.data.description?.trim() || null,
            recordedOn: command.data.recordedOn ?? null,
            plannedAt: at,
          },
        },
      ];
    }
    if (state.status === 'none') refuse('There is no such action.');
    if (state.status === 'withdrawn')
      refuse('This action has been withdrawn; nothing more can change on it.');

    switch (command.type) {
      case 'AssignAction': {
        if (state.status === 'assigned') {
          refuse(`This action is already assigned to ${state.ownerId}; reassign it instead.`);
        }
        if (state.status !== 'planned') requireAssigned(state, 'assigned');
        const { dueDate, source } = dueDateFor(command);
        const ownerId = requireText(command.data.ownerId, 'An owner');
        return [
          {
            type: 'ActionAssigned',
            data: { actionId, ownerId, dueDate, dueDateSource: source, assignedAt: at },
          },
        ];
      }
      case 'ReassignAction': {
        requireAssigned(state, 'reassigned');
        const ownerId = requireText(command.data.ownerId, 'An owner');
        if (ownerId === state.ownerId) refuse(`This action is already assigned to ${ownerId}.`);
        const dueDate = command.data.dueDate ? command.data.dueDate : state.dueDate;
        return [
          {
            type: 'ActionReassigned',
            data: { actionId, previousOwnerId: state.ownerId, ownerId, dueDate, reassignedAt: at },
          },
        ];
      }
      case 'RescheduleAction': {
        requireAssigned(state, 'rescheduled');
        const reason = requireText(command.data.reason, 'A reason for rescheduling');
        const { dueDate } = command.data;
        if (dueDate === state.dueDate) refuse(`This action is already due on ${dueDate}.`);
        return [
          {
            type: 'ActionRescheduled',
            data: { actionId, previousDueDate: state.dueDate, dueDate, reason, rescheduledAt: at },
          },
        ];
      }
      case 'RecordProgress': {
        requireAssigned(state, 'given progress');
        requireOwnActionIfOwner(state, command, 'record progress on');
        const note = requireText(command.data.note, 'A progress note');
        return [{ type: 'ProgressRecorded', data: { actionId, note, recordedAt: at } }];
      }
      case 'CompleteAction': {
        requireAssigned(state, 'completed');
        requireOwnActionIfOwner(state, command, 'complete');
        const summary = requireText(command.data.summary, 'A summary of what was done');
        const evidence = (command.data.evidence ?? [])
          .map((item) => item.trim())
          .filter((item) => item !== '');
        const hashes = requireAttached(state, command.data.evidenceSha256);
        const completedBy = command.metadata.actor.userId;
        return [
          {
            type: 'ActionCompleted',
            data: { actionId, summary, evidence, ...relyingOn(hashes), completedBy, completedAt: at },
          },
        ];
      }
      case 'VerifyAction': {
        if (state.status === 'verified') refuse('This action has already been verified.');
        if (state.status !== 'completed')
          refuse('This action cannot be verified: it has not been completed.');
        if (state.completion?.completedBy === command.metadata.actor.userId) {
          throw new NotPermitted(
            'You completed this action, so someone else must verify it: the sign-off needs a second pair of eyes.',
          );
        }
        const hashes = requireAttached(state, command.data.evidenceSha256);
        const note = command.data.note?.trim() || null;
        return [{ type: 'ActionVerified', data: { actionId, note, ...relyingOn(hashes), verifiedAt: at } }];
      }
      case 'ReopenAction': {
        if (state.status !== 'completed' && state.status !== 'verified') {
          refuse('This action cannot be reopened: it has not been completed.');
        }
        const reason = requireText(command.data.reason, 'A reason for reopening');
        return [{ type: 'ActionReopened', data: { actionId, reason, reopenedAt: at } }];
      }
      case 'WithdrawAction': {
        const reason = requireText(command.data.reason, 'A reason for withdrawing');
        return [{ type: 'ActionWithdrawn', data: { actionId, reason, withdrawnAt: at } }];
      }
      case 'AmendAction': {
        const reason = requireText(command.data.reason, 'A reason for the amendment');
        const wanted = {
          title: command.data.title === undefined ? undefined : requireText(command.data.title, 'A title'),
          description:
            command.data.description === undefined ? undefined : command.data.description?.trim() || null,
        };
        const changes: ActionCorrection = {};
        const previous: ActionCorrection = {};
        for (const field of ['title', 'description'] as const) {
          if (wanted[field] !== undefined && wanted[field] !== state[field]) {
            Object.assign(changes, { [field]: wanted[field] });
            Object.assign(previous, { [field]: state[field] });
          }
        }
        if (Object.keys(changes).length === 0) refuse('This amendment changes nothing on the action.');
        return [{ type: 'ActionAmended', data: { actionId, changes, previous, reason, amendedAt: at } }];
      }
      case 'RecordReminder':
        return decideReminder(command, state, at);
      case 'AttachEvidence': {
        if (state.status === 'verified')
          refuse('This action has been verified; reopen it before attaching more evidence.');
        requireOwnActionIfOwner(state, command, 'attach evidence to');
        const { files } = command.data;
        if (files.length === 0) refuse('At least one file is required.');
        const note = command.data.note?.trim() || null;
        const attachedBy = command.metadata.actor.userId;
        return files.map((file, index) => {
          const earlier = [...state.evidenceFiles, ...files.slice(0, index)].find(
            (other) => other.sha256 === file.sha256,
          );
          if (earlier)
            refuse(
              `The file "${file.fileName}" is already attached to this action (as "${earlier.fileName}").`,
            );
          const { fileName, mediaType, size, sha256 } = file;
          return {
            type: 'EvidenceAttached' as const,
            data: { actionId, fileName, mediaType, size, sha256, note, attachedBy, attachedAt: at },
          };
        });
      }
      default: {
        const unknownCommand: never = command;
        throw new Error(`Unknown action command ${JSON.stringify(unknownCommand)}`);
      }
    }
  }

  return { decide, evolve: evolveAction, initialState: initialActionState };
}

/**
 * A timer fires only for an open action still due on the date it was set for; anything else (completed,
 * rescheduled meanwhile) is refused, and the worker drops the reminder unsent.
 */
function decideReminder(command: RecordReminder, state: ExistingAction, at: string): ActionEvent[] {
  const { actionId, kind, dueDate, jobId, daysOverdue, outcome } = command.data;
  if (state.status !== 'assigned') refuse(`This action is ${state.status}: it needs no reminder.`);
  if (state.dueDate !== dueDate)
    refuse(`This action is now due on ${state.dueDate}, not ${dueDate}: the reminder is out of date.`);
  if (state.remindersRecorded.includes(jobId)) refuse(`The reminder ${jobId} is already recorded.`);
  const notified = outcome.delivered ? outcome.notified : [];
  const messageId = outcome.delivered ? outcome.messageId : null;
  const failure: ActionEvent[] = outcome.delivered
    ? []
    : [
        {
          type: 'ReminderFailed',
          data: {
            actionId,
            kind,
            dueDate,
            jobId,
            reason: outcome.reason,
            attempts: outcome.attempts,
            failedAt: at,
          },
        },
      ];
  switch (kind) {
    case 'due_soon':
    case 'due':
      if (!outcome.delivered) return failure;
      return [
        {
          type: 'ReminderSent',
          data: { actionId, kind, dueDate, jobId, notified, messageId: outcome.messageId, sentAt: at },
        },
      ];
    // The action fell overdue (or was escalated) whether or not the message went out: the fact is recorded.
    case 'overdue':
      return [
        {
          type: 'ActionFellOverdue',
          data: { actionId, dueDate, jobId, notified, messageId, fellOverdueAt: at },
        },
        ...failure,
      ];
    case 'escalation':
      return [
        {
          type: 'ActionEscalated',
          data: { actionId, dueDate, daysOverdue, jobId, notified, messageId, escalatedAt: at },
        },
        ...failure,
      ];
    default: {
      const unknownKind: never = kind;
      throw new Error(`Unknown reminder kind ${String(unknownKind)}`);
    }
  }
}

const withReminder = (state: ExistingAction, jobId: string): ExistingAction =>
  state.remindersRecorded.includes(jobId)
    ? state
    : { ...state, remindersRecorded: [...state.remindersRecorded, jobId] };

export function evolveAction(state: ActionState, event: ActionEvent): ActionState {
  if (event.type === 'ActionPlanned') {
    return {
      status: 'planned',
      ...event.data,
      ownerId: null,
      dueDate: null,
      progressNotes: 0,
      completion: null,
      verifiedAt: null,
      verifiedEvidenceSha256: [],
      evidenceFiles: [],
      withdrawal: null,
      remindersRecorded: [],
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'ActionAssigned':
      return { ...state, status: 'assigned', ownerId: event.data.ownerId, dueDate: event.data.dueDate };
    case 'ActionReassigned':
      return { ...state, ownerId: event.data.ownerId, dueDate: event.data.dueDate };
    case 'ActionRescheduled':
      return { ...state, dueDate: event.data.dueDate };
    case 'ProgressRecorded':
      return { ...state, progressNotes: state.progressNotes + 1 };
    case 'ActionCompleted': {
      const { summary, evidence, evidenceSha256 = [], completedBy, completedAt } = event.data;
      const completion = { summary, evidence, evidenceSha256, completedBy, completedAt };
      return { ...state, status: 'completed', completion };
    }
    case 'ActionVerified': {
      const { verifiedAt, evidenceSha256 = [] } = event.data;
      return { ...state, status: 'verified', verifiedAt, verifiedEvidenceSha256: evidenceSha256 };
    }
    case 'ActionReopened':
      return { ...state, status: 'assigned', completion: null, verifiedAt: null, verifiedEvidenceSha256: [] };
    case 'EvidenceAttached': {
      const { actionId: _, ...attached } = event.data;
      return { ...state, evidenceFiles: [...state.evidenceFiles, attached] };
    }
    case 'ActionWithdrawn': {
      const { reason, withdrawnAt } = event.data;
      return { ...state, status: 'withdrawn', withdrawal: { reason, withdrawnAt } };
    }
    case 'ActionAmended':
      return { ...state, ...event.data.changes };
    case 'ReminderSent':
    case 'ActionFellOverdue':
    case 'ActionEscalated':
    case 'ReminderFailed':
      return withReminder(state, event.data.jobId);
    default: {
      const unknownEvent: never = event;
      throw new Error(`Unknown action event ${JSON.stringify(unknownEvent)}`);
    }
  }
}
