import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadStreamOptions,
  StoredEvent,
  StreamWrite,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { assertValidFromRevision } from '../event-store.validation';

/**
 * Keeps the events of recently read streams in memory and asks the store only for what was appended since, so
 * that a command on a long-lived action does not re-read and re-parse its whole history. Stored events never
 * change and streams only grow, so the cache cannot go stale: every read still reaches the store for the tail,
 * whoever wrote it (this process or another).
 */
export class StreamCachingEventStore implements EventStore {
  private readonly streams = new Map<string, readonly StoredEvent[]>();

  constructor(
    private readonly store: EventStore,
    private readonly maxStreams = 10_000,
  ) {}

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const fromRevision = options.fromRevision ?? 0;
    assertValidFromRevision(fromRevision);
    const cached = this.streams.get(streamId) ?? [];
    const tail = await this.store.readStream(streamId, { fromRevision: cached.length });
    const events = tail.length === 0 ? cached : [...cached, ...tail];
    this.remember(streamId, events);
    return events.slice(fromRevision);
  }

  append(
    streamId: string,
    events: readonly NewEvent<string, object>[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    return this.store.append(streamId, events, expected);
  }

  appendToStreams(writes: readonly StreamWrite[]): Promise<AppendResult[]> {
    return this.store.appendToStreams(writes);
  }

  readAll(options?: { after?: bigint; limit?: number }): Promise<StoredEvent[]> {
    return this.store.readAll(options);
  }

  subscribeToAll(
    handler: (event: StoredEvent) => Promise<void> | void,
    options?: SubscribeOptions,
  ): Subscription {
    return this.store.subscribeToAll(handler, options);
  }

  health(): ReturnType<EventStore['health']> {
    return this.store.health();
  }

  close(): Promise<void> {
    this.streams.clear();
    return this.store.close();
  }

  /** Least recently read streams go first once there are more than `maxStreams`. */
  private remember(streamId: string, events: readonly StoredEvent[]): void {
    if (events.length === 0) return;
    this.streams.delete(streamId);
    this.streams.set(streamId, events);
    if (this.streams.size > this.maxStreams) {
      const oldest = this.streams.keys().next().value as string;
      this.streams.delete(oldest);
    }
  }
}
