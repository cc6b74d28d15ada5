import type { StoredEvent } from '@actionledger/event-store';
import type { Redis } from 'ioredis';
import type { RedisWrite } from '../redis/redis-write';

/**
 * A read model fed by the runner. `project` reads what a batch of events needs (documents it keeps in Redis)
 * and returns the writes that apply the batch; the runner queues them in one MULTI with the checkpoint, so the
 * batch is applied and the checkpoint moved together, or neither.
 */
export interface Projection {
  readonly name: string;
  /** Event types it reads; the runner hands it no others. */
  readonly handles: ReadonlySet<string>;
  /** `events`: the batch's events of types it handles, after its checkpoint, in log order. */
  project(events: readonly StoredEvent[], redis: Redis): Promise<RedisWrite[]>;
}

/**
 * A checkpointed subscriber whose effect is a command (a process manager). The runner calls `react` for each
 * event it handles, one at a time, and moves its checkpoint (with the state writes `react` returns) only once
 * `react` has resolved, i.e. the command succeeded. A crash in between replays the event: the command must be
 * idempotent, by event ids derived from the triggering event's id. A throw is taken as a transient failure:
 * the runner retries from the checkpoint with backoff, so a refusal that will never pass must be caught inside.
 * Reactors are never rebuilt: their checkpoints and state live under `{prefix}:reactor:`.
 */
export interface Reactor {
  readonly name: string;
  readonly handles: ReadonlySet<string>;
  react(event: StoredEvent, redis: Redis): Promise<RedisWrite[]>;
}

export type ConsumerKind = 'projection' | 'reactor';
