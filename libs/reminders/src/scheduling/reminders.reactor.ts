import type { Clock } from '@actionledger/command-handling';
import type {
  ActionEvent,
  ActionStatus,
  CalendarDate,
  FindingCategory,
  FindingEvent,
} from '@actionledger/domain';
import type { StoredEvent } from '@actionledger/event-store';
import type { ProjectionKeys, Reactor, RedisWrite } from '@actionledger/projections';
import type { Redis } from 'ioredis';
import type { ReminderTiming } from '../reminders.config';
import { planTimers } from '../timing/timer-plan';
import type { ReminderScheduler } from './reminder-scheduler';

export const REMINDERS_REACTOR = 'reminders';

/** What the reactor keeps of an action, beside its checkpoint: enough to plan its timers. */
export interface ActionTimerState {
  findingId: string;
  status: ActionStatus;
  dueDate: CalendarDate | null;
  recorded: string[];
}

type Handled = Extract<
  ActionEvent | FindingEvent,
  {
    type:
      | 'FindingRaised'
      | 'FindingAmended'
      | 'ActionPlanned'
      | 'ActionAssigned'
      | 'ActionReassigned'
      | 'ActionRescheduled'
      | 'ActionCompleted'
      | 'ActionVerified'
      | 'ActionReopened'
      | 'ActionWithdrawn'
      | 'ReminderSent'
      | 'ActionFellOverdue'
      | 'ActionEscalated'
      | 'ReminderFailed';
  }
>;
const HANDLED = new Set<Handled['type']>([
  'FindingRaised',
  'FindingAmended',
  'ActionPlanned',
  'ActionAssigned',
  'ActionReassigned',
  'ActionRescheduled',
  'ActionCompleted',
  'ActionVerified',
  'ActionReopened',
  'ActionWithdrawn',
  'ReminderSent',
  'ActionFellOverdue',
  'ActionEscalated',
  'ReminderFailed',
]);
const isHandled = (event: StoredEvent): event is StoredEvent & Handled =>
  HANDLED.has(event.type as Handled['type']);

export interface RemindersReactorOptions {
  keys: ProjectionKeys;
  scheduler: ReminderScheduler;
  timing: ReminderTiming;
  clock: Clock;
}

/**
 * Feeds the scheduler from the log (the runner's subscription, from a checkpoint in Redis): assigning,
 * reassigning, rescheduling and reopening (re)schedule an action's timers; completing, verifying and withdrawing
 * cancel them; a recorded reminder is remembered so that it is never planned again. Each BullMQ call is
 * idempotent by job id, so an event replayed after a crash changes nothing.
 */
export function createRemindersReactor(options: RemindersReactorOptions): Reactor {
  const { keys, scheduler, timing, clock } = options;
  const actionsKey = keys.reactor(REMINDERS_REACTOR, 'action');
  const categoryKey = keys.reactor(REMINDERS_REACTOR, 'finding-category');
  const findingActionsKey = keys.reactor(REMINDERS_REACTOR, 'finding-actions');

  const readAction = async (redis: Redis, actionId: string): Promise<ActionTimerState | null> => {
    const value = await redis.hget(actionsKey, actionId);
    return value === null ? null : (JSON.parse(value) as ActionTimerState);
  };
  const writeAction = (actionId: string, state: ActionTimerState): RedisWrite => ({
    op: 'hset',
    key: actionsKey,
    field: actionId,
    value: JSON.stringify(state),
  });

  async function reschedule(
    redis: Redis,
    actionId: string,
    state: ActionTimerState,
    newCategory?: FindingCategory,
  ): Promise<void> {
    const category =
      newCategory ?? ((await redis.hget(categoryKey, state.findingId)) as FindingCategory | null);
    const timers = planTimers(
      { actionId, ...state, priority: category === 'priority_action' },
      timing,
      clock.now(),
    );
    await scheduler.schedule(timers);
  }

  async function change(
    redis: Redis,
    actionId: string,
    update: (state: ActionTimerState) => ActionTimerState,
    effect: 'schedule' | 'cancel' | 'none',
  ): Promise<RedisWrite[]> {
    const before = await readAction(redis, actionId);
    if (!before) return [];
    const after = update(before);
    if (
      before.dueDate &&
      (effect === 'cancel' || (effect === 'schedule' && before.dueDate !== after.dueDate))
    ) {
      await scheduler.cancel(actionId, before.dueDate);
    }
    if (effect === 'schedule') await reschedule(redis, actionId, after);
    return [writeAction(actionId, after)];
  }

  return {
    name: REMINDERS_REACTOR,
    handles: HANDLED,
    async react(event, redis): Promise<RedisWrite[]> {
      if (!isHandled(event)) return [];
      switch (event.type) {
        case 'FindingRaised':
          return [{ op: 'hset', key: categoryKey, field: event.data.findingId, value: event.data.category }];
        case 'FindingAmended': {
          const { findingId, changes } = event.data;
          if (changes.category === undefined) return [];
          // A new category can change when its actions escalate: their timers are set again.
          const actionIds = JSON.parse((await redis.hget(findingActionsKey, findingId)) ?? '[]') as string[];
          for (const actionId of actionIds) {
            const state = await readAction(redis, actionId);
            if (state?.dueDate) {
              await scheduler.cancel(actionId, state.dueDate);
              await reschedule(redis, actionId, state, changes.category);
            }
          }
          return [{ op: 'hset', key: categoryKey, field: findingId, value: changes.category }];
        }
        case 'ActionPlanned': {
          const { actionId, findingId } = event.data;
          const siblings = JSON.parse((await redis.hget(findingActionsKey, findingId)) ?? '[]') as string[];
          const state: ActionTimerState = { findingId, status: 'planned', dueDate: null, recorded: [] };
          return [
            writeAction(actionId, state),
            {
              op: 'hset',
              key: findingActionsKey,
              field: findingId,
              value: JSON.stringify([...new Set([...siblings, actionId])]),
            },
          ];
        }
        case 'ActionAssigned':
        case 'ActionReassigned':
        case 'ActionRescheduled': {
          const { dueDate } = event.data;
          return change(
            redis,
            event.data.actionId,
            (s) => ({ ...s, status: 'assigned', dueDate }),
            'schedule',
          );
        }
        case 'ActionReopened':
          return change(redis, event.data.actionId, (s) => ({ ...s, status: 'assigned' }), 'schedule');
        case 'ActionCompleted':
          return change(redis, event.data.actionId, (s) => ({ ...s, status: 'completed' }), 'cancel');
        case 'ActionVerified':
          return change(redis, event.data.actionId, (s) => ({ ...s, status: 'verified' }), 'cancel');
        case 'ActionWithdrawn':
          return change(redis, event.data.actionId, (s) => ({ ...s, status: 'withdrawn' }), 'cancel');
        case 'ReminderSent':
        case 'ActionFellOverdue':
        case 'ActionEscalated':
        case 'ReminderFailed': {
          const { jobId } = event.data;
          return change(
            redis,
            event.data.actionId,
            (s) => ({ ...s, recorded: s.recorded.includes(jobId) ? s.recorded : [...s.recorded, jobId] }),
            'none',
          );
        }
        default: {
          const unhandled: never = event;
          throw new Error(`Unhandled event ${JSON.stringify(unhandled)}`);
        }
      }
    },
  };
}
