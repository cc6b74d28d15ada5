import type { DomainEvent } from '@actionledger/domain';
import type { EventStore, StoredEvent } from '@actionledger/event-store';

export interface LoadedAggregate<State> {
  state: State;
  /** Revision of the stream's last event; -1 when the stream does not exist. */
  version: number;
  events: StoredEvent[];
}

/** Reads a stream and folds it into state with the aggregate's `evolve`. */
export async function loadAggregate<Event extends DomainEvent, State>(
  store: EventStore,
  streamId: string,
  decider: { evolve(state: State, event: Event): State; initialState: State },
): Promise<LoadedAggregate<State>> {
  const events = await store.readStream(streamId);
  const state = events.reduce(
    (current, event) => decider.evolve(current, { type: event.type, data: event.data } as unknown as Event),
    decider.initialState,
  );
  return { state, version: events.length === 0 ? -1 : events[events.length - 1].revision, events };
}

/** As `loadAggregate`, but a stream that does not exist is a 404. */
export async function loadExistingAggregate<Event extends DomainEvent, State>(
  store: EventStore,
  streamId: string,
  decider: { evolve(state: State, event: Event): State; initialState: State },
  notFound: () => Error,
): Promise<LoadedAggregate<State>> {
  const loaded = await loadAggregate(store, streamId, decider);
  if (loaded.version < 0) throw notFound();
  return loaded;
}
