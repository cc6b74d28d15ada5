import {
  type ActionEvent,
  type FindingEvent,
  evolveFindingResolution,
  reactToFindingResolution,
  type FindingResolutionState,
} from '@actionledger/domain';
import type { StoredEvent } from '@actionledger/event-store';
import type { Redis } from 'ioredis';
import type { ProjectionKeys } from '../redis/projection-keys';
import type { RedisWrite } from '../redis/redis-write';
import type { Reactor } from '../runner/projection.port';

export const FINDING_RESOLUTION_REACTOR = 'finding-resolution';

export interface FindingResolution {
  findingId: string;
  verifiedActionIds: string[];
}

export interface FindingResolutionReactorOptions {
  keys: ProjectionKeys;
  /**
   * Sends ResolveFinding. It must be idempotent by the triggering event (e.g. Idempotency-Key
   * `resolve-after:${event.id}`, hence deterministic event ids), and should swallow a refusal that can never
   * pass (the finding is already resolved): a throw makes the runner retry the event.
   */
  resolve(resolution: FindingResolution, cause: StoredEvent): Promise<void>;
}

const RESOLVED = '$resolved';

type Handled = Extract<
  ActionEvent | FindingEvent,
  {
    type:
      | 'ActionPlanned'
      | 'ActionVerified'
      | 'ActionReopened'
      | 'ActionWithdrawn'
      | 'FindingResolved'
      | 'FindingReopened';
  }
>;
const HANDLED = new Set<Handled['type']>([
  'ActionPlanned',
  'ActionVerified',
  'ActionReopened',
  'ActionWithdrawn',
  'FindingResolved',
  'FindingReopened',
]);
const isHandled = (event: StoredEvent): event is StoredEvent & Handled =>
  HANDLED.has(event.type as Handled['type']);

/**
 * The finding-resolution process manager on the runner: its state lives in Redis beside its checkpoint, per
 * finding, so a restart goes on from the checkpoint instead of replaying the whole log. The decisions are the
 * domain's (`evolveFindingResolution`, `reactToFindingResolution`), applied to the one finding an event is about.
 */
export function createFindingResolutionReactor(options: FindingResolutionReactorOptions): Reactor {
  const { keys } = options;
  const actionFindingKey = keys.reactor(FINDING_RESOLUTION_REACTOR, 'finding-of-action');
  const findingKey = (findingId: string) => keys.reactor(FINDING_RESOLUTION_REACTOR, 'finding', findingId);

  async function sliceFor(redis: Redis, actionId: string): Promise<FindingResolutionState | null> {
    const findingId = await redis.hget(actionFindingKey, actionId);
    if (findingId === null) return null;
    const fields = await redis.hgetall(findingKey(findingId));
    const actions: Record<string, boolean> = {};
    const findingOfAction: Record<string, string> = {};
    for (const [field, value] of Object.entries(fields)) {
      if (field === RESOLVED) continue;
      actions[field] = value === '1';
      findingOfAction[field] = findingId;
    }
    return {
      findingOfAction,
      actionsOfFinding: { [findingId]: actions },
      resolvedFindings: fields[RESOLVED] === '1' ? { [findingId]: true } : {},
    };
  }

  return {
    name: FINDING_RESOLUTION_REACTOR,
    handles: HANDLED,
    async react(event, redis): Promise<RedisWrite[]> {
      if (!isHandled(event)) return [];
      switch (event.type) {
        case 'ActionPlanned': {
          const { actionId, findingId } = event.data;
          return [
            { op: 'hset', key: actionFindingKey, field: actionId, value: findingId },
            { op: 'hset', key: findingKey(findingId), field: actionId, value: '0' },
          ];
        }
        case 'FindingResolved':
          return [{ op: 'hset', key: findingKey(event.data.findingId), field: RESOLVED, value: '1' }];
        case 'FindingReopened':
          return [{ op: 'hdel', key: findingKey(event.data.findingId), field: RESOLVED }];
        case 'ActionWithdrawn': {
          // A withdrawn action stops counting: its finding is judged on the others, and may resolve now.
          const { actionId } = event.data;
          const before = await sliceFor(redis, actionId);
          if (!before) return [];
          const resolution = reactToFindingResolution(evolveFindingResolution(before, event), event);
          if (resolution) await options.resolve(resolution, event);
          return [{ op: 'hdel', key: findingKey(before.findingOfAction[actionId]), field: actionId }];
        }
        case 'ActionReopened':
        case 'ActionVerified': {
          const { actionId } = event.data;
          const before = await sliceFor(redis, actionId);
          if (!before) return [];
          const after = evolveFindingResolution(before, event);
          const findingId = before.findingOfAction[actionId];
          const resolution = reactToFindingResolution(after, event);
          if (resolution) await options.resolve(resolution, event);
          const verified = after.actionsOfFinding[findingId]?.[actionId] ? '1' : '0';
          return [{ op: 'hset', key: findingKey(findingId), field: actionId, value: verified }];
        }
        default: {
          const unhandled: never = event;
          throw new Error(`Unhandled event ${JSON.stringify(unhandled)}`);
        }
      }
    },
  };
}
