import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PersonalDataVault, UserAdministration, UserDirectory } from '@actionledger/auth';
import {
  AggregateLoader,
  CommandExecutor,
  operatorContext,
  type Clock,
} from '@actionledger/command-handling';
import { actionStreamId, findingStreamId, inspectionStreamId } from '@actionledger/domain';
import { createEventStore, type EventStore } from '@actionledger/event-store';
import { addDays } from '@actionledger/projections';
import {
  bullConnection,
  londonInstant,
  planTimers,
  ReminderScheduler,
  RemindersModule,
  remindersConfigFromEnv,
  type ReminderTiming,
  type TimedAction,
} from '@actionledger/reminders';
import { NestFactory } from '@nestjs/core';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { median } from './bench-stats';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))];

/** Deletes every key under a prefix (the benchmarks share Redis with everyone's tests: no FLUSHDB). */
async function dropPrefix(redis: Redis, prefix: string): Promise<void> {
  for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 5000 }) as AsyncIterable<
    string[]
  >) {
    if (keys.length > 0) await redis.unlink(...keys);
  }
}

const timing: ReminderTiming = {
  leadDays: 7,
  escalationDaysPriority: 14,
  escalationDaysOther: 28,
  sendAt: { hour: 8, minute: 0 },
};

export interface SchedulingResult {
  actions: number;
  jobs: number;
  schedulerJobsPerSecond: number;
  addBulkJobsPerSecond: number;
  ratio: number;
  rounds: number;
}

/**
 * (a) The timers of `actions` open actions, planned (working-day calendar, send time, supersession) and added
 * by the scheduler, 1,000 actions at a time, against BullMQ's own `addBulk` of the very same jobs, built
 * beforehand, in batches of the same size. Alternating rounds on fresh queues; the median of each side.
 */
export async function benchReminderScheduling(options: {
  actions: number;
  rounds: number;
}): Promise<SchedulingResult> {
  const redis = new Redis(REDIS_URL);
  const now = new Date('2026-12-01T09:00:00Z');
  const clock: Clock = { now: () => now };
  const actions: TimedAction[] = Array.from({ length: options.actions }, (_, i) => ({
    actionId: randomUUID(),
    status: 'assigned',
    dueDate: addDays('2027-01-04', i % 365),
    priority: i % 3 === 0,
    recorded: [],
  }));
  const CHUNK = 1000;
  const ours: number[] = [];
  const theirs: number[] = [];
  let jobs = 0;
  try {
    for (let round = 0; round < options.rounds; round++) {
      for (const side of round % 2 === 0 ? (['ours', 'theirs'] as const) : (['theirs', 'ours'] as const)) {
        const prefix = `bench-reminders-${randomUUID()}`;
        const queue = new Queue('timers', { connection: bullConnection(REDIS_URL), prefix });
        const scheduler = new ReminderScheduler(queue, clock, { attempts: 5, backoffMs: 60_000 });
        try {
          if (side === 'ours') {
            const start = process.hrtime.bigint();
            for (let i = 0; i < actions.length; i += CHUNK) {
              await scheduler.schedule(
                actions.slice(i, i + CHUNK).flatMap((a) => planTimers(a, timing, now)),
              );
            }
            const seconds = Number(process.hrtime.bigint() - start) / 1e9;
            jobs = await queue.getJobCountByTypes('delayed');
            ours.push(jobs / seconds);
          } else {
            const batches = [];
            for (let i = 0; i < actions.length; i += CHUNK) {
              const prepared = scheduler.jobsFor(
                actions.slice(i, i + CHUNK).flatMap((a) => planTimers(a, timing, now)),
              );
              for (let j = 0; j < prepared.length; j += CHUNK) batches.push(prepared.slice(j, j + CHUNK));
            }
            const start = process.hrtime.bigint();
            for (const batch of batches) await queue.addBulk(batch);
            const seconds = Number(process.hrtime.bigint() - start) / 1e9;
            theirs.push((await queue.getJobCountByTypes('delayed')) / seconds);
          }
        } finally {
          await queue.close();
          await dropPrefix(redis, prefix);
        }
      }
    }
  } finally {
    redis.disconnect();
  }
  const schedulerJobsPerSecond = median(ours);
  const addBulkJobsPerSecond = median(theirs);
  return {
    actions: options.actions,
    jobs,
    schedulerJobsPerSecond,
    addBulkJobsPerSecond,
    ratio: schedulerJobsPerSecond / addBulkJobsPerSecond,
    rounds: options.rounds,
  };
}

export interface LatenessResult {
  timers: number;
  synchronous: string;
  p50Ms: number;
  p99Ms: number;
  plainP50Ms: number;
  plainP99Ms: number;
}

/** The log of `count` assigned actions of one organisation, one owner, each due on `dueDate`. */
async function givenAssignedActions(
  store: EventStore,
  dataDir: string,
  clock: Clock,
  count: number,
  dueDate: string,
): Promise<void> {
  const vault = new PersonalDataVault(join(dataDir, 'personal-data-keys.db'));
  const directory = new UserDirectory(store, vault);
  const commands = new CommandExecutor(store, clock, new AggregateLoader(store));
  const administration = new UserAdministration(commands, directory, vault);
  const context = operatorContext();
  const organisationId = await administration.registerOrganisation('Durham County Council', context);
  const ownerId = await administration.registerUser(
    { organisationId, email: 'owner@example.org', name: 'An Owner', roles: ['owner'] },
    context,
  );
  vault.close();
  const at = clock.now().toISOString();
  const metadata = {
    actor: { userId: 'bench', role: 'lead', organisationId },
    correlationId: 'bench',
    causationId: 'bench',
    occurredAt: at,
  };
  const inspectionId = randomUUID();
  const findingId = randomUUID();
  const event = (type: string, data: Record<string, unknown>) => ({ id: randomUUID(), type, data, metadata });
  await store.append(
    inspectionStreamId(inspectionId),
    [
      event('InspectionRecorded', {
        inspectionId,
        organisationId,
        authority: 'Durham County Council',
        inspectionType: 'contact_referral_assessment',
        inspectionDates: ['2026-10-20'],
        letterDate: '2026-10-30',
        inspector: null,
        overallJudgement: null,
        recordedAt: at,
      }),
    ],
    'no_stream',
  );
  await store.append(
    findingStreamId(findingId),
    [
      event('FindingRaised', {
        findingId,
        inspectionId,
        organisationId,
        category: 'priority_action',
        timescale: 'within_3_months',
        text: 'Ensure that all contacts are screened promptly.',
        countsFrom: '2026-10-30',
        raisedAt: at,
      }),
    ],
    'no_stream',
  );
  for (let i = 0; i < count; i++) {
    const actionId = randomUUID();
    await store.append(
      actionStreamId(actionId),
      [
        event('ActionPlanned', {
          actionId,
          findingId,
          organisationId,
          title: `Action ${i}`,
          description: null,
          recordedOn: null,
          plannedAt: at,
        }),
        event('ActionAssigned', { actionId, ownerId, dueDate, dueDateSource: 'given', assignedAt: at }),
      ],
      'no_stream',
    );
  }
}

/**
 * (b) `timers` due-soon timers due in the same second, through the whole path as it runs in the API: the
 * log's subscription feeds the scheduler, BullMQ fires the delayed jobs, the processor sends (to the log) and
 * appends ReminderSent to SQLite (`synchronous` FULL by default). Lateness: from the due instant to the event's time.
 * Baseline in the same run: as many plain delayed BullMQ jobs due in one second, from due time to pick-up.
 */
export async function benchReminderLateness(options: {
  timers: number;
  concurrency: number;
  synchronous?: 'FULL' | 'NORMAL';
}): Promise<LatenessResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'actionledger-bench-reminders-'));
  const prefix = `bench-reminders-${randomUUID()}`;
  const redis = new Redis(REDIS_URL);
  // Due on a date whose due-soon reminder (7 days before, REMINDER_SEND_AT=now: at midnight in London) is
  // `leadMs` away on a clock that runs: enough time to set up and schedule, then they all fall due at once.
  const dueDate = '2027-02-08';
  const dueInstant = londonInstant(addDays(dueDate, -7), 0, 0).getTime();
  const leadMs = 6000 + options.timers * 8;
  const offset = dueInstant - leadMs - Date.now();
  const clock: Clock = { now: () => new Date(Date.now() + offset) };
  try {
    const env = {
      DATA_DIR: dataDir,
      READ_MODEL_KEY_PREFIX: prefix,
      REDIS_URL,
      REMINDER_SEND_AT: 'now',
      REMINDER_CONCURRENCY: String(options.concurrency),
      SQLITE_SYNCHRONOUS: options.synchronous ?? 'FULL',
    };
    const config = remindersConfigFromEnv(env);
    const store = createEventStore(config.eventStore);
    await givenAssignedActions(store, dataDir, clock, options.timers, dueDate);
    const app = await NestFactory.createApplicationContext(RemindersModule.forRoot(config, clock), {
      logger: false,
    });
    await app.init();
    const lateness: number[] = [];
    let after = 0n;
    try {
      for (;;) {
        for (const event of await store.readAll({ after })) {
          after = event.position;
          if (event.type === 'ReminderSent')
            lateness.push(Date.parse(event.metadata.occurredAt) - dueInstant);
        }
        if (lateness.length >= options.timers) break;
        if (clock.now().getTime() > dueInstant + 120_000)
          throw new Error(`Only ${lateness.length} reminders after 2 minutes.`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    } finally {
      await app.close();
      await store.close();
    }

    const plainPrefix = `${prefix}-plain`;
    const queue = new Queue('plain', { connection: bullConnection(REDIS_URL), prefix: plainPrefix });
    const plainDue = Date.now() + 3000;
    const picked: number[] = [];
    const done = new Promise<void>((resolve) => {
      const worker = new Worker(
        'plain',
        async () => {
          picked.push(Date.now() - plainDue);
          if (picked.length === options.timers) void worker.close().then(resolve);
        },
        { connection: bullConnection(REDIS_URL), prefix: plainPrefix, concurrency: options.concurrency },
      );
    });
    await queue.addBulk(
      Array.from({ length: options.timers }, (_, i) => ({
        name: 'plain',
        data: { i },
        opts: { delay: plainDue - Date.now() },
      })),
    );
    await done;
    await queue.close();
    await dropPrefix(redis, plainPrefix);
    return {
      timers: options.timers,
      synchronous: options.synchronous ?? 'FULL',
      p50Ms: percentile(lateness, 50),
      p99Ms: percentile(lateness, 99),
      plainP50Ms: percentile(picked, 50),
      plainP99Ms: percentile(picked, 99),
    };
  } finally {
    await dropPrefix(redis, prefix);
    redis.disconnect();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** For a quick look: `node dist/bench/reminders.bench.js` prints both figures. */
if (require.main === module) {
  void (async () => {
    console.log(
      await benchReminderScheduling({
        actions: Number(process.env.BENCH_REMINDER_ACTIONS ?? 100_000),
        rounds: 3,
      }),
    );
    console.log(await benchReminderLateness({ timers: 1000, concurrency: 10 }));
  })();
}
