import { PersonalDataVault } from '@actionledger/auth';
import { CLOCK, type Clock } from '@actionledger/command-handling';
import { EVENT_STORE, type EventStore } from '@actionledger/event-store';
import { ProjectionKeys, ProjectionRunner } from '@actionledger/projections';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Notifier } from './delivery/notifier';
import type { RemindersConfig } from './reminders.config';
import { RemindersProcessor } from './reminders.processor';
import { RemindersService } from './reminders.service';
import { REMINDERS_CONFIG, REMINDERS_NOTIFIER, REMINDERS_REDIS } from './reminders.tokens';
import { ReminderScheduler } from './scheduling/reminder-scheduler';
import { createRemindersReactor } from './scheduling/reminders.reactor';

/**
 * Starts the reminders in order (the log's subscription that feeds the scheduler, the worker, the reconcile
 * of what the read models say must exist, the weekly digest) and stops them in reverse, the store last.
 * Several processes may run it: a lease in Redis lets one follow the log; BullMQ gives each job to one worker.
 */
@Injectable()
export class RemindersLifecycle
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger('Reminders');
  readonly runner: ProjectionRunner;

  constructor(
    @Inject(REMINDERS_CONFIG) config: RemindersConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(REMINDERS_REDIS) private readonly redis: Redis,
    @Inject(REMINDERS_NOTIFIER) private readonly notifier: Notifier,
    @Inject(CLOCK) clock: Clock,
    private readonly vault: PersonalDataVault,
    private readonly processor: RemindersProcessor,
    private readonly reminders: RemindersService,
    scheduler: ReminderScheduler,
  ) {
    const keys = new ProjectionKeys(config.keyPrefix);
    this.runner = new ProjectionRunner({
      store,
      redis,
      keys,
      projections: [],
      reactors: [createRemindersReactor({ keys, scheduler, timing: config.timing, clock })],
      log: (message) => this.logger.warn(message),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.runner.start();
    this.processor.start();
    await this.reminders.scheduleWeeklyDigest();
    this.reminders.reconcile().then(
      ({ openActions, timers }) =>
        this.logger.log(`Reconciled ${timers} timers of ${openActions} open actions.`),
      (error: Error) => this.logger.warn(`Reconcile failed: ${error.message}`),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.runner.close();
    await this.processor.worker.close();
  }

  async onApplicationShutdown(): Promise<void> {
    this.notifier.close();
    this.redis.disconnect();
    this.vault.close();
    await this.store.close();
  }
}
