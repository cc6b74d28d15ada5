import { resolve } from 'node:path';
import { eventStoreConfigFromEnv, type EventStoreConfig } from '@actionledger/event-store';

/** `now`: a timer's message goes out as soon as it fires; otherwise at this time of a working day in London. */
export type SendAt = 'now' | { hour: number; minute: number };

/** When timers fire: the pure timer plan needs nothing else. */
export interface ReminderTiming {
  /** Days before the due date that the owner is told it is due soon (0: no such reminder). */
  leadDays: number;
  /** Days overdue after which a priority action is escalated to the lead and the board. */
  escalationDaysPriority: number;
  /** The same for every other action. */
  escalationDaysOther: number;
  sendAt: SendAt;
}

export interface RemindersConfig {
  enabled: boolean;
  timing: ReminderTiming;
  eventStore: EventStoreConfig;
  personalDataKeysFile: string;
  redisUrl: string;
  /** The prefix of the reminders' Redis keys (queue, checkpoint, lease): `{READ_MODEL_KEY_PREFIX}:reminders`. */
  keyPrefix: string;
  /** The read models reconcile reads (the projections' prefix). */
  readModelKeyPrefix: string;
  /** Where messages go; without it they are written to the log. */
  smtpUrl: string | null;
  mailFrom: string;
  /** The link in each message is `${publicUrl}/api/actions/${actionId}`. */
  publicUrl: string;
  /** How many times a message is tried, and the first pause between tries (doubled each time). */
  attempts: number;
  backoffMs: number;
  /** How long a worker holds a job before another may take it over (a worker that died lets go after this). */
  lockMs: number;
  concurrency: number;
}

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be a whole number of at least ${min}, not "${env[name]}".`);
  }
  return value;
}

export function parseSendAt(raw: string | undefined): SendAt {
  const text = raw?.trim() || '08:00';
  if (text.toLowerCase() === 'now') return 'now';
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (!match) throw new Error(`REMINDER_SEND_AT must be a time HH:MM (e.g. 08:00) or now, not "${raw}".`);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/** Reads the reminders' settings from the environment, failing with a sentence that names the bad one. */
export function remindersConfigFromEnv(env: NodeJS.ProcessEnv = process.env): RemindersConfig {
  const switchedOn = (env.REMINDERS?.trim() || 'on').toLowerCase();
  if (switchedOn !== 'on' && switchedOn !== 'off') {
    throw new Error(`REMINDERS must be on (the default) or off, not "${env.REMINDERS}".`);
  }
  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (smtpUrl && !/^smtps?:\/\/\S+$/.test(smtpUrl)) {
    throw new Error(`SMTP_URL must start with smtp:// or smtps://, not "${smtpUrl}".`);
  }
  const publicUrl = (env.PUBLIC_URL?.trim() || `http://localhost:${env.PORT?.trim() || 3000}`).replace(
    /\/+$/,
    '',
  );
  if (!/^https?:\/\/\S+$/.test(publicUrl)) {
    throw new Error(`PUBLIC_URL must be an http(s) address, not "${env.PUBLIC_URL}".`);
  }
  const readModelKeyPrefix = env.READ_MODEL_KEY_PREFIX?.trim() || 'al';
  return {
    enabled: switchedOn === 'on',
    timing: {
      leadDays: whole(env, 'REMINDER_LEAD_DAYS', 7),
      escalationDaysPriority: whole(env, 'ESCALATION_DAYS_PRIORITY', 14, 1),
      escalationDaysOther: whole(env, 'ESCALATION_DAYS_OTHER', 28, 1),
      sendAt: parseSendAt(env.REMINDER_SEND_AT),
    },
    eventStore: eventStoreConfigFromEnv(env),
    personalDataKeysFile: resolve(env.DATA_DIR?.trim() || './data', 'personal-data-keys.db'),
    redisUrl: env.REDIS_URL?.trim() || 'redis://127.0.0.1:6379',
    keyPrefix: `${readModelKeyPrefix}:reminders`,
    readModelKeyPrefix,
    smtpUrl,
    mailFrom: env.MAIL_FROM?.trim() || 'ActionLedger <reminders@actionledger.invalid>',
    publicUrl,
    attempts: whole(env, 'REMINDER_ATTEMPTS', 5, 1),
    backoffMs: whole(env, 'REMINDER_BACKOFF_MS', 60_000, 1),
    lockMs: whole(env, 'REMINDER_LOCK_MS', 30_000, 100),
    concurrency: whole(env, 'REMINDER_CONCURRENCY', 10, 1),
  };
}
