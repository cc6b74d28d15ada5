import type { CalendarDate } from '@actionledger/domain';
import { ProjectionKeys, type ActionDoc } from '@actionledger/projections';
import type { Redis } from 'ioredis';
import type { ReminderTiming } from '../reminders.config';
import { planTimers } from '../timing/timer-plan';
import type { ReminderScheduler } from './reminder-scheduler';
import { REMINDERS_REACTOR, type ActionTimerState } from './reminders.reactor';

export interface ReconcileOptions {
  redis: Redis;
  /** The read models' keys (`READ_MODEL_KEY_PREFIX`) and the reminders' own (for timers already recorded). */
  readModelKeys: ProjectionKeys;
  reminderKeys: ProjectionKeys;
  scheduler: ReminderScheduler;
  timing: ReminderTiming;
  now: Date;
}

export interface ReconcileResult {
  organisations: number;
  openActions: number;
  timers: number;
}

/** Every organisation's action documents, read in slices (HSCAN) so a large install is not read at once. */
export async function* openActionDocs(redis: Redis, keys: ProjectionKeys): AsyncGenerator<ActionDoc[]> {
  const hashes = redis.scanStream({ match: `${keys.prefix}:{*}:action`, count: 1000 });
  for await (const found of hashes as AsyncIterable<string[]>) {
    for (const key of found) {
      const fields = redis.hscanStream(key, { count: 1000 });
      for await (const slice of fields as AsyncIterable<string[]>) {
        const docs: ActionDoc[] = [];
        for (let i = 1; i < slice.length; i += 2) {
          const doc = JSON.parse(slice[i]) as ActionDoc;
          if (doc.status === 'assigned' && doc.dueDate !== null && !doc.inspectionWithdrawn) docs.push(doc);
        }
        if (docs.length > 0) yield docs;
      }
    }
  }
}

/**
 * Works out from the read models which timers must exist and adds them; those that exist already are left as
 * they are (same job id), so running it twice, or while the worker runs, adds nothing twice.
 */
export async function reconcileTimers(options: ReconcileOptions): Promise<ReconcileResult> {
  const { redis, readModelKeys, reminderKeys, scheduler, timing, now } = options;
  const recordedKey = reminderKeys.reactor(REMINDERS_REACTOR, 'action');
  const organisations = new Set<string>();
  let openActions = 0;
  let timers = 0;
  for await (const docs of openActionDocs(redis, readModelKeys)) {
    const known = await redis.hmget(recordedKey, ...docs.map((doc) => doc.actionId));
    const planned = docs.flatMap((doc, index) => {
      organisations.add(doc.organisationId);
      const state = known[index] ? (JSON.parse(known[index]) as ActionTimerState) : null;
      return planTimers(
        {
          actionId: doc.actionId,
          status: doc.status,
          dueDate: doc.dueDate as CalendarDate,
          priority: doc.category === 'priority_action',
          recorded: state?.recorded ?? [],
        },
        timing,
        now,
      );
    });
    openActions += docs.length;
    timers += planned.length;
    await scheduler.schedule(planned);
  }
  return { organisations: organisations.size, openActions, timers };
}
