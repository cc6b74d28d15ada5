import {
  duration,
  logLevel,
  oneOf,
  port,
  text,
  timeOfDay,
  url,
  wholeNumber,
  type SettingCheck,
} from './setting-checks';

/** Which process reads a setting: `both` for the API (which hosts the worker's modules by default) and the worker. */
export type SettingScope = 'api' | 'worker' | 'both' | 'tests';

export interface Setting {
  name: string;
  /** The default as a person reads it (`—` for none); `value` is the literal one, where there is one. */
  default: { shown: string; value?: string };
  meaning: string;
  scope: SettingScope;
  check: SettingCheck;
  /** May carry a password: a refusal does not repeat the value. */
  secret?: true;
}

const none = { shown: '—' };
const literal = (value: string) => ({ shown: value, value });

/**
 * Every setting ActionLedger reads from the environment: its default, meaning and check. `.env.example`, the
 * README's configuration table and this list name the same variables (a unit test holds them together). The
 * libraries' `*ConfigFromEnv` functions then parse the checked values, and add the rules between settings
 * (DATABASE_URL when EVENT_STORE=postgres, one evidence limit above another).
 */
export const SETTINGS: readonly Setting[] = [
  { name: 'PORT', default: literal('3000'), scope: 'api', check: port, meaning: 'HTTP port of the API' },
  {
    name: 'WORKER_PORT',
    default: literal('3001'),
    scope: 'worker',
    check: port,
    meaning: "the worker's HTTP port (GET /health, /ready and /metrics; nothing else)",
  },
  {
    name: 'DATA_DIR',
    default: literal('./data'),
    scope: 'both',
    check: text,
    meaning: 'folder of the embedded event store (events.db), the personal-data keys and the evidence folder',
  },
  {
    name: 'EVENT_STORE',
    default: literal('sqlite'),
    scope: 'both',
    check: oneOf('sqlite', 'postgres', 'postgresql', 'eventstoredb'),
    meaning: 'sqlite (embedded), postgres or eventstoredb',
  },
  {
    name: 'DATABASE_URL',
    secret: true,
    default: none,
    scope: 'both',
    check: url('postgres', 'postgresql'),
    meaning:
      'the PostgreSQL event store, e.g. postgres://actionledger@db:5432/actionledger; required when EVENT_STORE=postgres',
  },
  {
    name: 'EVENTSTORE_CONNECTION_STRING',
    secret: true,
    default: none,
    scope: 'both',
    check: url('kurrentdb', 'kurrent', 'kdb', 'esdb', 'kurrentdb\\+discover', 'esdb\\+discover'),
    meaning: 'e.g. kurrentdb://localhost:2113?tls=false; required when EVENT_STORE=eventstoredb',
  },
  {
    name: 'SQLITE_SYNCHRONOUS',
    default: literal('FULL'),
    scope: 'both',
    check: oneOf('FULL', 'NORMAL'),
    meaning:
      'FULL: an acknowledged command survives a crash of the machine; NORMAL is faster and survives a process crash only',
  },
  {
    name: 'REDIS_URL',
    secret: true,
    default: literal('redis://127.0.0.1:6379'),
    scope: 'both',
    check: url('redis', 'rediss'),
    meaning: 'the Redis of the read models, checkpoints, leases, sessions and queues',
  },
  {
    name: 'READ_MODEL_KEY_PREFIX',
    default: literal('al'),
    scope: 'both',
    check: text,
    meaning:
      "the prefix of every read-model key (and of the reminders' keys), so several installs can share a Redis",
  },
  {
    name: 'PROJECTIONS',
    default: literal('on'),
    scope: 'api',
    check: oneOf('on', 'off'),
    meaning:
      'off: the API answers queries but leaves projecting to a worker; with several on, a lease decides',
  },
  {
    name: 'REMINDERS',
    default: literal('on'),
    scope: 'both',
    check: oneOf('on', 'off'),
    meaning: 'off: this process runs no reminder timers and sends nothing',
  },
  {
    name: 'DUE_DATE_POLICY_FILE',
    default: literal('config/due-date-policy.json'),
    scope: 'api',
    check: text,
    meaning: 'default due date per finding timescale (JSON)',
  },
  {
    name: 'PUBLIC_URL',
    default: { shown: 'http://localhost:$PORT' },
    scope: 'both',
    check: url('http', 'https'),
    meaning: 'where users reach the app: the links in messages; https makes the session cookie Secure',
  },
  {
    name: 'SESSION_TTL',
    default: literal('8h'),
    scope: 'api',
    check: duration,
    meaning: 'a web session ends after this long unused (8h, 30m or seconds)',
  },
  {
    name: 'SESSION_KEY_PREFIX',
    default: literal('al-sessions'),
    scope: 'api',
    check: text,
    meaning: "the prefix of the web sessions' Redis keys",
  },
  {
    name: 'TRUST_PROXY',
    default: { shown: 'off' },
    scope: 'api',
    check: text,
    meaning:
      "behind a reverse proxy, Express's trust proxy: true, a number of hops, or the proxies' addresses, so that sign-in limits count the real client",
  },
  {
    name: 'CSRF_SECRET',
    secret: true,
    default: { shown: 'random per process' },
    scope: 'api',
    check: text,
    meaning: "signs the forms' CSRF tokens; set it when several API processes serve users",
  },
  {
    name: 'SIGN_IN_LIMIT_PER_ACCOUNT',
    default: literal('10'),
    scope: 'api',
    check: wholeNumber(1),
    meaning: 'sign-in attempts allowed per account in 15 minutes',
  },
  {
    name: 'SIGN_IN_LIMIT_PER_ADDRESS',
    default: literal('100'),
    scope: 'api',
    check: wholeNumber(1),
    meaning: 'sign-in attempts allowed per client address in 15 minutes',
  },
  {
    name: 'EVIDENCE_STORE_URL',
    default: { shown: 'a folder, DATA_DIR/evidence' },
    scope: 'api',
    check: url('file', 's3'),
    meaning:
      'file:///srv/evidence, or s3://BUCKET/PREFIX?endpoint=…&region=… (credentials from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile or a role)',
  },
  {
    name: 'AWS_REGION',
    default: literal('us-east-1'),
    scope: 'api',
    check: text,
    meaning: "the S3 evidence bucket's region when EVIDENCE_STORE_URL does not say",
  },
  {
    name: 'EVIDENCE_MAX_FILE_BYTES',
    default: literal('20971520'),
    scope: 'api',
    check: wholeNumber(1),
    meaning: 'the largest one evidence file may be (20 MB)',
  },
  {
    name: 'EVIDENCE_MAX_ACTION_BYTES',
    default: literal('104857600'),
    scope: 'api',
    check: wholeNumber(1),
    meaning: 'the most evidence one action may hold, all its files together (100 MB)',
  },
  {
    name: 'EVIDENCE_MAX_FILES',
    default: literal('10'),
    scope: 'api',
    check: wholeNumber(1),
    meaning: 'the most files one upload may carry',
  },
  {
    name: 'LETTER_PARSE_THREADS',
    default: { shown: 'half the cores, at least 1' },
    scope: 'api',
    check: wholeNumber(1),
    meaning: 'worker threads that parse uploaded letters off the event loop',
  },
  {
    name: 'CHROMIUM_PATH',
    default: literal('/usr/bin/chromium'),
    scope: 'api',
    check: text,
    meaning: 'the Chromium that prints committee reports to PDF',
  },
  {
    name: 'REMINDER_LEAD_DAYS',
    default: literal('7'),
    scope: 'both',
    check: wholeNumber(0),
    meaning: 'days before the due date of the due-soon reminder; 0: none',
  },
  {
    name: 'ESCALATION_DAYS_PRIORITY',
    default: literal('14'),
    scope: 'both',
    check: wholeNumber(1),
    meaning: 'days overdue at which a priority action is escalated',
  },
  {
    name: 'ESCALATION_DAYS_OTHER',
    default: literal('28'),
    scope: 'both',
    check: wholeNumber(1),
    meaning: 'the same for every other action',
  },
  {
    name: 'REMINDER_SEND_AT',
    default: literal('08:00'),
    scope: 'both',
    check: timeOfDay,
    meaning: 'HH:MM in Europe/London on working days; now: as soon as a timer fires',
  },
  {
    name: 'SMTP_URL',
    secret: true,
    default: { shown: '— (messages written to the log)' },
    scope: 'both',
    check: url('smtp', 'smtps'),
    meaning: 'the mail relay, e.g. smtp://user:pass@mail.council.gov.uk:587 (nodemailer options as a query)',
  },
  {
    name: 'MAIL_FROM',
    default: literal('ActionLedger <reminders@actionledger.invalid>'),
    scope: 'both',
    check: text,
    meaning: 'the sender of every message',
  },
  {
    name: 'REMINDER_ATTEMPTS',
    default: literal('5'),
    scope: 'both',
    check: wholeNumber(1),
    meaning: 'tries per message',
  },
  {
    name: 'REMINDER_BACKOFF_MS',
    default: literal('60000'),
    scope: 'both',
    check: wholeNumber(1),
    meaning: 'the first pause between tries (doubled each time)',
  },
  {
    name: 'REMINDER_LOCK_MS',
    default: literal('30000'),
    scope: 'both',
    check: wholeNumber(100),
    meaning: "how long a worker holds a job; a dead worker's job is taken over after it",
  },
  {
    name: 'REMINDER_CONCURRENCY',
    default: literal('10'),
    scope: 'both',
    check: wholeNumber(1),
    meaning: 'reminder jobs one process runs at once',
  },
  {
    name: 'LOG_LEVEL',
    default: literal('info'),
    scope: 'both',
    check: logLevel,
    meaning: 'the least severe JSON log line written: fatal, error, warn, info, debug, trace or silent',
  },
  {
    name: 'READY_MAX_LAG',
    default: literal('1000'),
    scope: 'both',
    check: wholeNumber(0),
    meaning: 'GET /ready answers 503 while a projection is more than this many events behind the log',
  },
  {
    name: 'SHUTDOWN_TIMEOUT_MS',
    default: literal('10000'),
    scope: 'both',
    check: wholeNumber(1),
    meaning: 'after SIGTERM, how long requests and jobs in flight may take before the process exits anyway',
  },
  {
    name: 'LETTERS_DIR',
    default: literal('../shared/letters'),
    scope: 'tests',
    check: text,
    meaning: 'tests and eval:letters only: the seed letters with their ground truth',
  },
];
