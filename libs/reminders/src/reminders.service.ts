import { UserDirectory } from '@actionledger/auth';
import { AggregateLoader, CLOCK, CommandExecutor, type Clock } from '@actionledger/command-handling';
import type { ActionCommand, ActionEvent, ActionState, Decider } from '@actionledger/domain';
import { ProjectionKeys } from '@actionledger/projections';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { sendWeeklyDigest } from './digest/weekly-digest';
import { fireReminder, type FireOutcome, type TimerJob } from './delivery/fire-reminder';
import type { Notifier } from './delivery/notifier';
import type { RemindersConfig } from './reminders.config';
import { REMINDERS_QUEUE, WEEKLY_DIGEST_JOB, WEEKLY_DIGEST_SCHEDULER } from './reminders.queue';
import {
  REMINDERS_ACTION_DECIDER,
  REMINDERS_CONFIG,
  REMINDERS_NOTIFIER,
  REMINDERS_REDIS,
} from './reminders.tokens';
import { reconcileTimers, type ReconcileResult } from './scheduling/reconcile';
import { ReminderScheduler } from './scheduling/reminder-scheduler';

/** What the processor and the start-up hand off to: plain functions, given this module's parts. */
@Injectable()
export class RemindersService {
  private readonly logger = new Logger('Reminders');

  constructor(
    @Inject(REMINDERS_CONFIG) private readonly config: RemindersConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(REMINDERS_REDIS) private readonly redis: Redis,
    @Inject(REMINDERS_NOTIFIER) private readonly notifier: Notifier,
    @Inject(REMINDERS_ACTION_DECIDER)
    private readonly decider: Decider<ActionCommand, ActionEvent, ActionState>,
    @InjectQueue(REMINDERS_QUEUE) private readonly queue: Queue,
    private readonly commands: CommandExecutor,
    private readonly loader: AggregateLoader,
    private readonly directory: UserDirectory,
    private readonly scheduler: ReminderScheduler,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  async fire(job: TimerJob): Promise<FireOutcome> {
    const outcome = await fireReminder(
      {
        commands: this.commands,
        loader: this.loader,
        decider: this.decider,
        directory: this.directory,
        notifier: this.notifier,
        timing: this.config.timing,
        publicUrl: this.config.publicUrl,
        clock: this.clock,
      },
      job,
    );
    if (outcome.status === 'dropped') this.logger.log(`Timer ${job.id} dropped: ${outcome.why}.`);
    return outcome;
  }

  digest(): Promise<{ sent: number }> {
    return sendWeeklyDigest({
      redis: this.redis,
      readModelKeys: new ProjectionKeys(this.config.readModelKeyPrefix),
      directory: this.directory,
      notifier: this.notifier,
      publicUrl: this.config.publicUrl,
      dueSoonDays: Math.max(this.config.timing.leadDays, 7),
      now: this.clock.now(),
    });
  }

  reconcile(): Promise<ReconcileResult> {
    return reconcileTimers({
      redis: this.redis,
      readModelKeys: new ProjectionKeys(this.config.readModelKeyPrefix),
      reminderKeys: new ProjectionKeys(this.config.keyPrefix),
      scheduler: this.scheduler,
      timing: this.config.timing,
      now: this.clock.now(),
    });
  }

  /** Every weekday at the send time in London (08:00 with `now`); the digest itself goes on the week's first working day. */
  async scheduleWeeklyDigest(): Promise<void> {
    const { sendAt } = this.config.timing;
    const { hour, minute } = sendAt === 'now' ? { hour: 8, minute: 0 } : sendAt;
    await this.queue.upsertJobScheduler(
      WEEKLY_DIGEST_SCHEDULER,
      { pattern: `${minute} ${hour} * * 1-5`, tz: 'Europe/London' },
      { name: WEEKLY_DIGEST_JOB, data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } },
    );
  }
}
