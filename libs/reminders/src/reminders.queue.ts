import type { CalendarDate, ReminderKind } from '@actionledger/domain';

/** One queue holds every timer and the weekly digest; its keys are `{keyPrefix}:timers:*`. */
export const REMINDERS_QUEUE = 'timers';
/** The @nestjs/bullmq configuration key, so that a host app's own BullMQ setup is not touched. */
export const REMINDERS_BULL_CONFIG = 'actionledger-reminders';

export const TIMER_JOB = 'timer';
export const WEEKLY_DIGEST_JOB = 'weekly-digest';
export const WEEKLY_DIGEST_SCHEDULER = 'weekly-digest';

export interface TimerJobData {
  actionId: string;
  kind: ReminderKind;
  dueDate: CalendarDate;
}
