import { eventStoreConfigFromEnv, type EventStoreConfig } from '@actionledger/event-store';
import { remindersConfigFromEnv, type RemindersConfig } from '@actionledger/reminders';
import { operationsSettingsFromEnv, validateSettings, type OperationsSettings } from '@actionledger/settings';

export interface WorkerConfig {
  /** HTTP port of `/health` and `/ready`, the worker's only routes. */
  port: number;
  redisUrl: string;
  readModelKeyPrefix: string;
  eventStore: EventStoreConfig;
  /** The reminders' timers and messages; `REMINDERS=off` leaves them to another process. */
  reminders: RemindersConfig;
  operations: OperationsSettings;
}

export const WORKER_CONFIG = Symbol('WorkerConfig');

/** The same variables as the API's (REDIS_URL, READ_MODEL_KEY_PREFIX, EVENT_STORE, DATA_DIR, …), and WORKER_PORT. */
export function workerConfigFromEnv(rawEnv: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const env = validateSettings(rawEnv, 'worker');
  const port = Number(env.WORKER_PORT?.trim() || 3001);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`WORKER_PORT must be a port number, not "${env.WORKER_PORT}".`);
  }
  return {
    port,
    redisUrl: env.REDIS_URL?.trim() || 'redis://127.0.0.1:6379',
    readModelKeyPrefix: env.READ_MODEL_KEY_PREFIX?.trim() || 'al',
    eventStore: eventStoreConfigFromEnv(env),
    reminders: remindersConfigFromEnv(env),
    operations: operationsSettingsFromEnv(env),
  };
}
