import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseDueDatePolicy, type DueDatePolicy } from '@actionledger/domain';
import { eventStoreConfigFromEnv, type EventStoreConfig } from '@actionledger/event-store';
import { defaultParseThreads } from '@actionledger/letters';

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
  /** Worker threads that read uploaded letters, off the event loop. */
  letterParseThreads: number;
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

/** Reads the whole configuration from the environment once, at start-up, failing with a sentence per problem. */
export function appConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
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
    letterParseThreads,
  };
}
