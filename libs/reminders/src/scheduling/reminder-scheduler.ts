import type { Clock } from '@actionledger/command-handling';
import type { CalendarDate } from '@actionledger/domain';
import type { JobsOptions, Queue } from 'bullmq';
import { TIMER_JOB, type TimerJobData } from '../reminders.queue';
import { allTimerJobIds, type Timer } from '../timing/timer-plan';

export interface RetryPolicy {
  attempts: number;
  backoffMs: number;
}

const BULK = 1000;

/**
 * Keeps an action's timers as BullMQ delayed jobs. Job ids are the timers' own (action, kind, due date), so
 * scheduling again adds nothing; delays count from the injected clock, so a test that moves it moves them.
 */
export class ReminderScheduler {
  constructor(
    private readonly queue: Queue,
    private readonly clock: Clock,
    private readonly retry: RetryPolicy,
  ) {}

  jobsFor(timers: readonly Timer[]): { name: string; data: TimerJobData; opts: JobsOptions }[] {
    const now = this.clock.now().getTime();
    return timers.map((timer) => ({
      name: TIMER_JOB,
      data: { actionId: timer.actionId, kind: timer.kind, dueDate: timer.dueDate },
      opts: {
        jobId: timer.jobId,
        delay: Math.max(0, timer.runAt.getTime() - now),
        attempts: this.retry.attempts,
        backoff: { type: 'exponential', delay: this.retry.backoffMs },
        // Kept for a while so operators can see what ran; the log, not the queue, is the record.
        removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
        removeOnFail: { age: 30 * 24 * 3600, count: 10_000 },
      },
    }));
  }

  async schedule(timers: readonly Timer[]): Promise<void> {
    const jobs = this.jobsFor(timers);
    for (let start = 0; start < jobs.length; start += BULK) {
      await this.queue.addBulk(jobs.slice(start, start + BULK));
    }
  }

  /**
   * Removes an action's timers for a due date. A job running now cannot be removed; it finds the action
   * changed when it records, and is dropped unsent.
   */
  async cancel(actionId: string, dueDate: CalendarDate): Promise<void> {
    await Promise.all(
      allTimerJobIds(actionId, dueDate).map((jobId) => this.queue.remove(jobId).catch(() => 0)),
    );
  }
}
