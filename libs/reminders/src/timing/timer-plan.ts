import type { ActionStatus, CalendarDate, ReminderKind } from '@actionledger/domain';
import { addDays, addEnglishWorkingDays } from '@actionledger/projections';
import type { ReminderTiming } from '../reminders.config';
import { messageInstant, nextSendTime } from './send-time';

/** What the timer plan needs to know about an action. */
export interface TimedAction {
  actionId: string;
  status: ActionStatus;
  dueDate: CalendarDate | null;
  /** Of a finding in the category "priority action": escalated sooner. */
  priority: boolean;
  /** Job ids whose timers already fired and are recorded in the log. */
  recorded: ReadonlySet<string> | readonly string[];
}

export interface Timer {
  jobId: string;
  kind: ReminderKind;
  actionId: string;
  dueDate: CalendarDate;
  /** The day the timer is for: due soon, due, the working day after, or escalation day. */
  date: CalendarDate;
  /** When its message goes out as planned. */
  firesAt: Date;
  /** When it should run, seen from now: `firesAt`, or the next send time when that has passed. */
  runAt: Date;
  /** Days overdue on `date` (escalation and overdue), else 0. */
  daysOverdue: number;
}

/** Deterministic, so that scheduling twice schedules once; BullMQ ids may not contain ':'. */
export const timerJobId = (kind: ReminderKind, actionId: string, dueDate: CalendarDate): string =>
  `${kind}.${actionId}.${dueDate}`;

/**
 * The timers an action needs now: none unless it is open (assigned, not completed) with a due date. A timer whose
 * time passed runs at the next send time, once; of the owner's reminders only the latest passed one still goes
 * (no "due in 7 days" once it is due, no "due today" once it is overdue). Overdue and escalation are records of
 * fact and always go, once each. Timers already recorded are left out.
 */
export function planTimers(action: TimedAction, timing: ReminderTiming, now: Date): Timer[] {
  const { actionId, dueDate } = action;
  if (action.status !== 'assigned' || dueDate === null) return [];
  const recorded = new Set(action.recorded);
  const escalationDays = action.priority ? timing.escalationDaysPriority : timing.escalationDaysOther;
  const overdueDate = addEnglishWorkingDays(dueDate, 1);
  const candidates: { kind: ReminderKind; date: CalendarDate; daysOverdue: number }[] = [
    ...(timing.leadDays > 0
      ? [{ kind: 'due_soon' as const, date: addDays(dueDate, -timing.leadDays), daysOverdue: 0 }]
      : []),
    { kind: 'due', date: dueDate, daysOverdue: 0 },
    { kind: 'overdue', date: overdueDate, daysOverdue: 0 },
    { kind: 'escalation', date: addDays(dueDate, escalationDays), daysOverdue: escalationDays },
  ];
  const firesAt = new Map(candidates.map((c) => [c.kind, messageInstant(c.date, timing.sendAt)]));
  const passed = (kind: ReminderKind) => firesAt.get(kind)!.getTime() <= now.getTime();
  const supersededBy: Partial<Record<ReminderKind, ReminderKind>> = { due_soon: 'due', due: 'overdue' };
  const sendTime = nextSendTime(now, timing.sendAt);
  return candidates
    .filter(({ kind }) => {
      const later = supersededBy[kind];
      return !(later && passed(later));
    })
    .map(({ kind, date, daysOverdue }) => {
      const at = firesAt.get(kind)!;
      return {
        jobId: timerJobId(kind, actionId, dueDate),
        kind,
        actionId,
        dueDate,
        date,
        firesAt: at,
        runAt: at.getTime() > now.getTime() ? at : sendTime,
        daysOverdue,
      };
    })
    .filter((timer) => !recorded.has(timer.jobId));
}

/** Every job id an action's timers can have for one due date: what cancelling removes. */
export const allTimerJobIds = (actionId: string, dueDate: CalendarDate): string[] =>
  (['due_soon', 'due', 'overdue', 'escalation'] as const).map((kind) => timerJobId(kind, actionId, dueDate));
