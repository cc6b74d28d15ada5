import { systemClock } from '@actionledger/command-handling';
import { connectRedis, ProjectionKeys } from '@actionledger/projections';
import {
  bullConnection,
  reconcileTimers,
  REMINDERS_QUEUE,
  ReminderScheduler,
  remindersConfigFromEnv,
} from '@actionledger/reminders';
import { Queue } from 'bullmq';
import { Command } from 'commander';
import { CliError, EXIT } from '../cli-error';
import type { CliIo } from '../cli-io';

/** `reminders reconcile`: adds every timer the read models say must exist and the queue lacks. */
export function remindersCommand(io: CliIo): Command {
  const reminders = new Command('reminders').description('the reminder and escalation timers');
  reminders
    .command('reconcile')
    .description(
      'work out from the read models which timers must exist and add the missing ones (idempotent)',
    )
    .action(async () => {
      let config;
      try {
        config = remindersConfigFromEnv(io.env);
      } catch (error) {
        throw new CliError((error as Error).message, EXIT.usage);
      }
      const redis = await connectRedis(config.redisUrl).catch((error: Error) => {
        throw new CliError(error.message, EXIT.failure);
      });
      const queue = new Queue(REMINDERS_QUEUE, {
        connection: bullConnection(config.redisUrl),
        prefix: config.keyPrefix,
      });
      try {
        const result = await reconcileTimers({
          redis,
          readModelKeys: new ProjectionKeys(config.readModelKeyPrefix),
          reminderKeys: new ProjectionKeys(config.keyPrefix),
          scheduler: new ReminderScheduler(queue, systemClock, {
            attempts: config.attempts,
            backoffMs: config.backoffMs,
          }),
          timing: config.timing,
          now: systemClock.now(),
        });
        io.out(
          `${result.timers} timers for ${result.openActions} open actions of ${result.organisations} organisations are scheduled.`,
        );
      } finally {
        await queue.close();
        redis.disconnect();
      }
    });
  return reminders;
}
