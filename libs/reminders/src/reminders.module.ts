import { PersonalDataVault, UserDirectory } from '@actionledger/auth';
import {
  AggregateLoader,
  CLOCK,
  CommandExecutor,
  systemClock,
  type Clock,
} from '@actionledger/command-handling';
import { createActionDecider, parseDueDatePolicy } from '@actionledger/domain';
import { createEventStore, EVENT_STORE, type EventStore } from '@actionledger/event-store';
import { connectRedis } from '@actionledger/projections';
import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { Logger, Module, type DynamicModule } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { createNotifier } from './delivery/notifier';
import { bullConnection } from './redis-connection';
import { remindersConfigFromEnv, type RemindersConfig } from './reminders.config';
import { RemindersLifecycle } from './reminders.lifecycle';
import { RemindersProcessor } from './reminders.processor';
import { REMINDERS_BULL_CONFIG, REMINDERS_QUEUE } from './reminders.queue';
import { RemindersService } from './reminders.service';
import {
  REMINDERS_ACTION_DECIDER,
  REMINDERS_CONFIG,
  REMINDERS_NOTIFIER,
  REMINDERS_REDIS,
} from './reminders.tokens';
import { ReminderScheduler } from './scheduling/reminder-scheduler';

/**
 * Reminders and escalation, self-contained so that the API (embedded default) and a worker process can both
 * host it: its configuration from the environment, its own connections to the event store and Redis, its own
 * write path (CommandExecutor), and lifecycle hooks that close them. The action decider needs no due-date
 * policy here (reminders never default a due date), so an empty one is given.
 */
@Module({})
export class RemindersModule {
  static forRoot(
    config: RemindersConfig = remindersConfigFromEnv(),
    clock: Clock = systemClock,
  ): DynamicModule {
    return {
      module: RemindersModule,
      imports: [
        BullModule.forRoot(REMINDERS_BULL_CONFIG, {
          connection: bullConnection(config.redisUrl),
          prefix: config.keyPrefix,
        }),
        BullModule.registerQueue({ name: REMINDERS_QUEUE, configKey: REMINDERS_BULL_CONFIG }),
      ],
      providers: [
        { provide: REMINDERS_CONFIG, useValue: config },
        { provide: CLOCK, useValue: clock },
        { provide: EVENT_STORE, useFactory: () => createEventStore(config.eventStore) },
        { provide: REMINDERS_REDIS, useFactory: () => connectRedis(config.redisUrl) },
        {
          provide: REMINDERS_NOTIFIER,
          useFactory: () =>
            createNotifier(config.smtpUrl, config.mailFrom, (line) => Logger.log(line, 'Reminders')),
        },
        {
          provide: REMINDERS_ACTION_DECIDER,
          useFactory: () =>
            createActionDecider(
              parseDueDatePolicy({
                immediately: null,
                within_3_months: null,
                within_6_months: null,
                none: null,
              }),
            ),
        },
        { provide: PersonalDataVault, useFactory: () => new PersonalDataVault(config.personalDataKeysFile) },
        {
          provide: UserDirectory,
          inject: [EVENT_STORE, PersonalDataVault],
          useFactory: (store: EventStore, vault: PersonalDataVault) => new UserDirectory(store, vault),
        },
        AggregateLoader,
        CommandExecutor,
        {
          provide: ReminderScheduler,
          inject: [getQueueToken(REMINDERS_QUEUE), CLOCK],
          useFactory: (queue: Queue, clockNow: Clock) =>
            new ReminderScheduler(queue, clockNow, {
              attempts: config.attempts,
              backoffMs: config.backoffMs,
            }),
        },
        RemindersService,
        RemindersProcessor,
        RemindersLifecycle,
      ],
      exports: [RemindersService, RemindersLifecycle],
    };
  }
}
