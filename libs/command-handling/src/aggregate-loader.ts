import type { CommandActor, DomainEvent } from '@actionledger/domain';
import { EVENT_STORE, type EventStore, type StoredEvent } from '@actionledger/event-store';
import { Inject, Injectable } from '@nestjs/common';
import { isVisibleTo } from './organisation-scope';

/** A write made under an Idempotency-Key, remembered so that a retry can be answered without deciding again. */
export interface IdempotentWrite {
  command: unknown;
  /** The digest of the request the key was first sent with. */
  digest: string | null;
  position: number;
  revision: number;
}

export interface LoadedAggregate<State> {
  state: State;
  /** Revision of the stream's last event; -1 when the stream does not exist. */
  version: number;
  /** The hash of the stream's last event: where the next event's chain link starts. */
  headHash: string | null;
  /** Keyed by `idempotencyScope(userId, key)`: keys are the caller's own. */
  idempotentWrites: ReadonlyMap<string, IdempotentWrite>;
}

/** Idempotency keys belong to the caller who sent them: two users may use the same key for different things. */
export function idempotencyScope(userId: string, key: string): string {
  return `${userId}\u001f${key}`;
}

interface Folding<Event, State> {
  evolve(state: State, event: Event): State;
  initialState: State;
}

interface CachedAggregate extends LoadedAggregate<unknown> {
  evolve: unknown;
}

const MAX_CACHED_STREAMS = 10_000;

/**
 * Reads a stream and folds it into state with the aggregate's `evolve`. The folded state of recently used
 * streams is kept, and only events appended since are read and folded: stored events never change and streams
 * only grow, so the cache cannot go stale, whoever wrote the new events.
 */
@Injectable()
export class AggregateLoader {
  private readonly cache = new Map<string, CachedAggregate>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load<Event extends DomainEvent, State>(
    streamId: string,
    aggregate: Folding<Event, State>,
  ): Promise<LoadedAggregate<State>> {
    const cached = this.cache.get(streamId);
    const start: LoadedAggregate<State> =
      cached?.evolve === aggregate.evolve
        ? (cached as LoadedAggregate<State>)
        : { state: aggregate.initialState, version: -1, headHash: null, idempotentWrites: new Map() };
    const tail = await this.store.readStream(streamId, { fromRevision: start.version + 1 });
    const loaded = tail.reduce((current, event) => fold(current, event, aggregate), start);
    this.remember(streamId, { ...loaded, evolve: aggregate.evolve });
    return loaded;
  }

  /**
   * As `load`, but a stream that does not exist is an error (a 404). Every aggregate leaves its `none` state with
   * its first event, so the state of a stream that exists is never `none`.
   */
  async loadExisting<Event extends DomainEvent, State extends { status: string }>(
    streamId: string,
    aggregate: Folding<Event, State>,
    notFound: () => Error,
  ): Promise<LoadedAggregate<Exclude<State, { status: 'none' }>>> {
    const loaded = await this.load(streamId, aggregate);
    if (loaded.version < 0 || loaded.state.status === 'none') throw notFound();
    return loaded as LoadedAggregate<Exclude<State, { status: 'none' }>>;
  }

  /** As `loadExisting`, and a record of another organisation than the actor's is not found either. */
  async loadVisible<Event extends DomainEvent, State extends { status: string }>(
    streamId: string,
    aggregate: Folding<Event, State>,
    actor: CommandActor,
    notFound: () => Error,
  ): Promise<LoadedAggregate<Exclude<State, { status: 'none' }>>> {
    const loaded = await this.loadExisting(streamId, aggregate, notFound);
    if (!isVisibleTo(loaded.state, actor)) throw notFound();
    return loaded;
  }

  private remember(streamId: string, entry: CachedAggregate): void {
    if (entry.version < 0) return;
    this.cache.delete(streamId);
    this.cache.set(streamId, entry);
    if (this.cache.size > MAX_CACHED_STREAMS) this.cache.delete(this.cache.keys().next().value as string);
  }
}

function fold<Event extends DomainEvent, State>(
  current: LoadedAggregate<State>,
  event: StoredEvent,
  aggregate: Folding<Event, State>,
): LoadedAggregate<State> {
  const idempotency = event.metadata.idempotency as { key: string; digest: string | null } | undefined;
  const idempotentWrites = idempotency
    ? new Map(current.idempotentWrites).set(idempotencyScope(event.metadata.actor.userId, idempotency.key), {
        command: event.metadata.command,
        digest: idempotency.digest,
        position: Number(event.position),
        revision: event.revision,
      })
    : current.idempotentWrites;
  return {
    state: aggregate.evolve(current.state, { type: event.type, data: event.data } as unknown as Event),
    version: event.revision,
    headHash: typeof event.metadata.hash === 'string' ? event.metadata.hash : null,
    idempotentWrites,
  };
}
