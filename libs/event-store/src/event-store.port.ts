/**
 * The one port every event store adapter implements (embedded SQLite, EventStoreDB/KurrentDB).
 * Its behaviour is pinned down by `event-store.contract.ts`, which every adapter must pass.
 */

/** Who, when, why and in answer to what an event was written. */
export interface EventMetadata {
  actor: { userId: string; role: string; organisationId?: string | null };
  correlationId: string;
  causationId: string;
  /** ISO-8601 instant, from the injected clock. */
  occurredAt: string;
  reason?: string;
  [key: string]: unknown;
}

/** An event as handed to `append`. `id` (a UUID) is what the store deduplicates on. */
export interface NewEvent<Type extends string = string, Data = Record<string, unknown>> {
  id: string;
  type: Type;
  data: Data;
  metadata: EventMetadata;
}

/** An event as read back: it now has a place in its stream and in the whole log. */
export interface StoredEvent<Type extends string = string, Data = Record<string, unknown>> extends NewEvent<
  Type,
  Data
> {
  streamId: string;
  /** 0-based position of the event within its stream. */
  revision: number;
  /** Position in the whole log; strictly increasing in append order (not necessarily dense). */
  position: bigint;
  /** ISO-8601 instant the store recorded the event. */
  recordedAt: string;
}

/**
 * What the writer believes the stream's current revision to be:
 * - `'no_stream'`: the stream must not exist yet;
 * - `'any'`: no check;
 * - a number: the revision of the stream's last event (0 after one event).
 */
export type ExpectedRevision = 'no_stream' | 'any' | number;

export interface ReadStreamOptions {
  /** Start at this revision (inclusive) instead of the stream's first event. */
  fromRevision?: number;
}

/** One stream's part of an atomic multi-stream append. */
export interface StreamWrite {
  streamId: string;
  events: readonly NewEvent<string, object>[];
  expected: ExpectedRevision;
}

export interface AppendResult {
  /** Revision of the stream's last event after the append (or of the already-stored duplicate's last event). */
  nextExpectedRevision: number;
  /** Log position of the last event written (or of the already-stored duplicate's last event). */
  position: bigint;
}

export interface Subscription {
  /**
   * Stops delivery; resolves once no handler call is in flight. Awaiting it inside the handler would wait for
   * that very call: a handler that wants to stop should throw (or call `close` without awaiting it).
   */
  close(): Promise<void>;
}

export interface SubscribeOptions {
  /** Deliver events with a position strictly greater than this; omit to start at the beginning. */
  after?: bigint;
  /** Called when delivery stops because of an error (the subscription is then closed). */
  onError?: (error: Error) => void;
}

export interface EventStore {
  /**
   * Appends events atomically, all or none. Throws `WrongExpectedRevisionError` when the stream's revision
   * differs from `expected`. Events whose id is already stored are not written again and the call succeeds
   * (a retried write appends nothing); a batch only partly stored, or stored in another stream, throws
   * `EventIdConflictError`.
   * Throws `TypeError` for a call that could never succeed: no events, an id that is not a UUID or is repeated,
   * a stream id or event type starting with `$` (reserved for the store), a revision that is not an integer ≥ 0.
   */
  append(
    streamId: string,
    events: readonly NewEvent<string, object>[],
    expected: ExpectedRevision,
  ): Promise<AppendResult>;
  /**
   * Appends to several streams in one atomic write: every stream's events are stored, or none is. Each write
   * names its own expected revision, checked as `append` checks it; a retry of a whole write that was stored
   * returns what is stored. Results come in the order of `writes`. Stream ids must be distinct.
   */
  appendToStreams(writes: readonly StreamWrite[]): Promise<AppendResult[]>;
  /** The stream's events, oldest first (from `fromRevision` when given); `[]` for a stream that does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  /** Events of every stream in log order, with a position strictly greater than `after`. */
  readAll(options?: { after?: bigint; limit?: number }): Promise<StoredEvent[]>;
  /** Catch-up then live: every event after `options.after`, in log order, each once, awaiting the handler. */
  subscribeToAll(
    handler: (event: StoredEvent) => Promise<void> | void,
    options?: SubscribeOptions,
  ): Subscription;
  /** A quick check for `GET /health`. */
  health(): Promise<{ status: 'up' | 'down'; adapter: string; detail?: string }>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EventStore');

export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no_stream',
  ) {
    super(`Stream ${streamId} is at revision ${String(actual)}, not ${String(expected)} as expected.`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/**
 * The batch reuses event ids in a way that is not a plain retry: only some of its events are already stored, or
 * one is stored in another stream. Nothing was appended. Thrown by the SQLite store, which keeps ids unique in
 * the whole log; EventStoreDB reports a partly repeated batch as a wrong expected revision, which is why this
 * extends `WrongExpectedRevisionError`: code that maps stale writes to 409 treats both alike.
 */
export class EventIdConflictError extends WrongExpectedRevisionError {
  constructor(
    streamId: string,
    expected: ExpectedRevision,
    actual: number | 'no_stream',
    readonly storedEventIds: readonly string[],
  ) {
    super(streamId, expected, actual);
    this.name = 'EventIdConflictError';
    this.message =
      `Events ${storedEventIds.join(', ')} are already stored, but the append to ${streamId} is not a retry of ` +
      'the write that stored them (a retry repeats the same events to the same stream); nothing was appended.';
  }
}
