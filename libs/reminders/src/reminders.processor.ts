import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { inJobLogContext } from '@actionledger/operations';
import { DelayedError, type Job } from 'bullmq';
import type { RemindersConfig } from './reminders.config';
import { REMINDERS_QUEUE, TIMER_JOB, WEEKLY_DIGEST_JOB, type TimerJobData } from './reminders.queue';
import { REMINDERS_CONFIG } from './reminders.tokens';
import { RemindersService } from './reminders.service';

/**
 * Runs the timers and the digest. Thin: it hands each job to RemindersService. It starts only once the module
 * is ready (`autorun: false`), with the lock and concurrency of the settings, which a decorator cannot read.
 */
@Processor(REMINDERS_QUEUE, { autorun: false })
export class RemindersProcessor extends WorkerHost {
  constructor(
    private readonly reminders: RemindersService,
    @Inject(REMINDERS_CONFIG) private readonly config: RemindersConfig,
  ) {
    super();
  }

  start(): void {
    const { lockMs, concurrency } = this.config;
    Object.assign(this.worker.opts, {
      lockDuration: lockMs,
      stalledInterval: Math.max(50, Math.floor(lockMs / 2)),
    });
    this.worker.concurrency = concurrency;
    void this.worker.run();
  }

  /** Each job's log lines carry its id and the correlation id its events record (see fire-reminder). */
  process(job: Job, token?: string): Promise<unknown> {
    const correlationId = job.name === TIMER_JOB ? `reminder:${job.id}` : `${job.name}:${job.id}`;
    return inJobLogContext({ job: job.name, jobId: job.id, correlationId }, () => this.run(job, token));
  }

  private async run(job: Job, token?: string): Promise<unknown> {
    switch (job.name) {
      case TIMER_JOB: {
        const outcome = await this.reminders.fire({
          id: job.id!,
          data: job.data as TimerJobData,
          attemptsMade: job.attemptsMade,
          attempts: job.opts.attempts ?? 1,
        });
        if (outcome.status === 'deferred') {
          // Delays count on the injected clock; BullMQ's on the machine's.
          const wait = outcome.until.getTime() - this.reminders.now().getTime();
          await job.moveToDelayed(Date.now() + wait, token);
          throw new DelayedError();
        }
        return outcome;
      }
      case WEEKLY_DIGEST_JOB:
        return this.reminders.digest();
      default:
        throw new Error(`Unknown job ${job.name}`);
    }
  }
}
