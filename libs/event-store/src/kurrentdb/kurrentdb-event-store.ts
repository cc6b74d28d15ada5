import {
  BACKWARDS,
  END,
  excludeSystemEvents,
  KurrentDBClient,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AppendResult as KurrentAppendResult,
} from '@kurrent/kurrentdb-client';
import {
  WrongExpectedRevisionError,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type ReadStreamOptions,
  type StoredEvent,
  type StreamWrite,
  type SubscribeOptions,
  type Subscription,
} from '../event-store.port';
import {
  assertValidAppend,
  assertValidFromRevision,
  assertValidStreamWrites,
} from '../event-store.validation';
import {
  NO_POSITION,
  toEventData,
  toMultiAppendEventData,
  toReadPosition,
  toStoredEvent,
  toStreamState,
} from './kurrentdb-event.mapper';
import { KurrentDbSubscription } from './kurrentdb-subscription';

/**
 * The production event store: EventStoreDB / KurrentDB over gRPC. The server deduplicates a retried append by
 * its event ids at the revision it names (guaranteed for `no_stream` and exact revisions, best effort for `any`);
 * unlike SQLite it does not make ids unique across the whole log.
 */
export class KurrentDbEventStore implements EventStore {
  private readonly client: KurrentDBClient;
  private readonly subscriptions = new Set<KurrentDbSubscription>();

  /** Takes a connection string, or a client already made from one; `close` disposes of the client either way. */
  constructor(connection: string | KurrentDBClient) {
    this.client = typeof connection === 'string' ? KurrentDBClient.connectionString(connection) : connection;
  }

  async append(
    streamId: string,
    events: readonly NewEvent<string, object>[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    assertValidAppend(streamId, events, expected);
    let result: KurrentAppendResult;
    try {
      result = await this.client.appendToStream(streamId, events.map(toEventData), {
        streamState: toStreamState(expected),
      });
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        const actual = error.actualState === 'no_stream' ? 'no_stream' : Number(error.actualState);
        throw new WrongExpectedRevisionError(streamId, expected, actual);
      }
      throw error;
    }
    // Only when the connection string sets throwOnAppendFailure=false.
    if (!result.success) {
      const actual = result.nextExpectedRevision < 0n ? 'no_stream' : Number(result.nextExpectedRevision);
      throw new WrongExpectedRevisionError(streamId, expected, actual);
    }
    const nextExpectedRevision = Number(result.nextExpectedRevision);
    const reported = result.position?.commit;
    // The server does not say where an already-stored (deduplicated) batch lies in the log.
    const position =
      reported !== undefined && reported !== NO_POSITION
        ? reported
        : await this.positionOf(streamId, result.nextExpectedRevision);
    return { nextExpectedRevision, position };
  }

  /** Needs KurrentDB 25.1 or later, whose multi-stream append is atomic across streams. */
  async appendToStreams(writes: readonly StreamWrite[]): Promise<AppendResult[]> {
    assertValidStreamWrites(writes);
    if (writes.length === 0) return [];
    try {
      const result = await this.client.multiStreamAppend(
        writes.map((write) => ({
          streamName: write.streamId,
          events: write.events.map(toMultiAppendEventData),
          expectedState: toStreamState(write.expected),
        })),
      );
      const revisions = new Map(result.responses.map((response) => [response.streamName, response.revision]));
      return writes.map((write) => ({
        nextExpectedRevision: Number(revisions.get(write.streamId)),
        position: result.position,
      }));
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        const write = writes.find((candidate) => candidate.streamId === error.streamName) ?? writes[0];
        const actual = error.actualState === 'no_stream' ? 'no_stream' : Number(error.actualState);
        throw new WrongExpectedRevisionError(write.streamId, write.expected, actual);
      }
      throw error;
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const fromRevision = options.fromRevision ?? 0;
    assertValidFromRevision(fromRevision);
    const events: StoredEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, { fromRevision: BigInt(fromRevision) })) {
        const event = toStoredEvent(resolved);
        if (event) events.push(event);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async readAll(options: { after?: bigint; limit?: number } = {}): Promise<StoredEvent[]> {
    const { after, limit } = options;
    if (limit !== undefined && (!Number.isSafeInteger(limit) || limit < 0)) {
      throw new TypeError(`readAll limit must be an integer ≥ 0, got ${String(limit)}.`);
    }
    if (limit === 0) return [];
    const events: StoredEvent[] = [];
    const read = this.client.readAll({
      fromPosition: toReadPosition(after),
      // Reading from a position includes the event at that position, which is then skipped.
      maxCount: limit === undefined ? undefined : limit + 1,
      filter: excludeSystemEvents(),
    });
    for await (const resolved of read) {
      const event = toStoredEvent(resolved);
      if (!event || (after !== undefined && event.position <= after)) continue;
      events.push(event);
      if (events.length === limit) break;
    }
    return events;
  }

  subscribeToAll(
    handler: (event: StoredEvent) => Promise<void> | void,
    options: SubscribeOptions = {},
  ): Subscription {
    const subscription = new KurrentDbSubscription(this.client, handler, options);
    this.subscriptions.add(subscription);
    void subscription.finished.then(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  async health(): Promise<{ status: 'up' | 'down'; adapter: string; detail?: string }> {
    try {
      for await (const _ of this.client.readAll({
        direction: BACKWARDS,
        fromPosition: END,
        maxCount: 1,
        deadline: 2000,
      })) {
        break;
      }
      return { status: 'up', adapter: 'eventstoredb' };
    } catch (error) {
      return {
        status: 'down',
        adapter: 'eventstoredb',
        detail: error instanceof Error ? error.message : String(error),
      };
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  private async positionOf(streamId: string, revision: bigint): Promise<bigint> {
    for await (const resolved of this.client.readStream(streamId, { fromRevision: revision, maxCount: 1 })) {
      const event = toStoredEvent(resolved);
      if (event) return event.position;
    }
    throw new Error(
      `KurrentDB acknowledged an append to ${streamId} but has no event at revision ${revision}.`,
    );
  }
}
