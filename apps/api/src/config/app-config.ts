import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseDueDatePolicy, type DueDatePolicy } from '@actionledger/domain';
import { eventStoreConfigFromEnv, type EventStoreConfig } from '@actionledger/event-store';
import { remindersConfigFromEnv, type RemindersConfig } from '@actionledger/reminders';
import { evidenceConfigFromEnv, type EvidenceConfig } from '@actionledger/evidence';
import { defaultParseThreads } from '@actionledger/letters';
import { operationsSettingsFromEnv, validateSettings, type OperationsSettings } from '@actionledger/settings';

export interface AppConfig {
  port: number;
  /** The keys that seal personal data, outside the log (see README, "Personal data"). */
  personalDataKeysFile: string;
  /** The Redis that holds the read models, their checkpoints and the runner's lease. */
  redisUrl: string;
  /** The prefix of every read-model key, so that several installs (or test runs) can share one Redis. */
  readModelKeyPrefix: string;
  /** `off`: this process serves queries but leaves projecting to a worker process. */
  projections: 'on' | 'off';
  eventStore: EventStoreConfig;
  dueDatePolicy: DueDatePolicy;
  /** `REMINDERS=off` leaves the timers to a worker process (see README, "Reminders and escalation"). */
  reminders: RemindersConfig;
  /** Where users reach the app; an https URL makes the session cookie Secure. */
  publicUrl: string;
  /** Web sign-in: sessions end after this many seconds unused; their Redis keys start with the prefix. */
  session: { idleSeconds: number; keyPrefix: string };
  /** Signs the forms' CSRF tokens; random per process when unset (set it when several processes serve users). */
  csrfSecret: string | null;
  /**
   * Express's `trust proxy`: behind a reverse proxy, which hops to believe about the client's address (for the
   * per-address sign-in limit). False: the address is the connection's own.
   */
  trustProxy: boolean | number | string;
  /** Sign-in attempts allowed per account and per address within `windowSeconds`. */
  signInLimits: { perAccount: number; perAddress: number; windowSeconds: number };
  /** Where evidence files are kept, and how large they may be. */
  evidence: EvidenceConfig;
  /** Worker threads that read uploaded letters, off the event loop. */
  letterParseThreads: number;
  /** JSON logs, /ready's lag bound, the shutdown bound. */
  operations: OperationsSettings;
}

export const APP_CONFIG = Symbol('AppConfig');

const POLICY_FILE = join('config', 'due-date-policy.json');

/** The checked-in policy, found from here whether this runs from source or from dist/. */
function defaultPolicyFile(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, POLICY_FILE))) return join(dir, POLICY_FILE);
  }
  return resolve(POLICY_FILE);
}

const DURATION = /^(\d+)\s*([smh]?)$/;
const SECONDS_IN = { '': 1, s: 1, m: 60, h: 3600 } as const;

/** `28800`, `480m` or `8h`: a positive number of seconds. */
function durationSeconds(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const match = DURATION.exec(value.trim());
  const seconds = match ? Number(match[1]) * SECONDS_IN[match[2] as keyof typeof SECONDS_IN] : 0;
  if (seconds <= 0)
    throw new Error(`${name} must be a duration such as 8h, 30m or 600 (seconds), not "${value}".`);
  return seconds;
}

function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new Error(`${name} must be a whole number above 0, not "${value}".`);
  return number;
}

/** `true`, a number of hops (`1`), or the proxies' addresses (`loopback, 10.0.0.0/8`); unset is false. */
function trustProxyFrom(value: string | undefined): boolean | number | string {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '' || trimmed === 'false') return false;
  if (trimmed === 'true') return true;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function publicUrlFrom(value: string | undefined, port: number): string {
  const url = value?.trim() || `http://localhost:${port}`;
  if (!/^https?:\/\/[^\s/]+/.test(url))
    throw new Error(`PUBLIC_URL must be an http or https URL, not "${value}".`);
  return url.replace(/\/+$/, '');
}

/**
 * Reads the whole configuration from the environment once, at start-up: every setting is checked against the
 * settings table first (libs/settings), then parsed; the first problem stops the start with one sentence.
 */
export function appConfigFromEnv(rawEnv: NodeJS.ProcessEnv = process.env): AppConfig {
  const env = validateSettings(rawEnv, 'api');
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, not "${env.PORT}".`);
  }
  const policyFile = env.DUE_DATE_POLICY_FILE ?? defaultPolicyFile();
  let policyJson: unknown;
  try {
    policyJson = JSON.parse(readFileSync(policyFile, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the due-date policy from ${policyFile}: ${(error as Error).message}`);
  }
  const personalDataKeysFile = resolve(env.DATA_DIR?.trim() || './data', 'personal-data-keys.db');
  const projections = (env.PROJECTIONS?.trim() || 'on').toLowerCase();
  if (projections !== 'on' && projections !== 'off') {
    throw new Error(`PROJECTIONS must be on (the default) or off, not "${env.PROJECTIONS}".`);
  }
  const letterParseThreads = Number(env.LETTER_PARSE_THREADS?.trim() || defaultParseThreads());
  if (!Number.isInteger(letterParseThreads) || letterParseThreads < 1) {
    throw new Error(
      `LETTER_PARSE_THREADS must be a whole number of threads, 1 or more, not "${env.LETTER_PARSE_THREADS}".`,
    );
  }
  return {
    port,
    personalDataKeysFile,
    redisUrl: env.REDIS_URL?.trim() || 'redis://127.0.0.1:6379',
    readModelKeyPrefix: env.READ_MODEL_KEY_PREFIX?.trim() || 'al',
    projections,
    eventStore: eventStoreConfigFromEnv(env),
    dueDatePolicy: parseDueDatePolicy(policyJson),
    reminders: remindersConfigFromEnv(env),
    publicUrl: publicUrlFrom(env.PUBLIC_URL, port),
    session: {
      idleSeconds: durationSeconds('SESSION_TTL', env.SESSION_TTL, 8 * 3600),
      keyPrefix: env.SESSION_KEY_PREFIX?.trim() || 'al-sessions',
    },
    csrfSecret: env.CSRF_SECRET?.trim() || null,
    trustProxy: trustProxyFrom(env.TRUST_PROXY),
    signInLimits: {
      perAccount: positiveInteger('SIGN_IN_LIMIT_PER_ACCOUNT', env.SIGN_IN_LIMIT_PER_ACCOUNT, 10),
      perAddress: positiveInteger('SIGN_IN_LIMIT_PER_ADDRESS', env.SIGN_IN_LIMIT_PER_ADDRESS, 100),
      windowSeconds: 15 * 60,
    },
    evidence: evidenceConfigFromEnv(env),
    letterParseThreads,
    operations: operationsSettingsFromEnv(env),
  };
}
