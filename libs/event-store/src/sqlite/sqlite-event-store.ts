import Database from 'better-sqlite3';
import {
  EventIdConflictError,
  WrongExpectedRevisionError,
  type AppendResult,
  type EventMetadata,
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
import { openSqliteEventDatabase, type SqliteSynchronous } from './sqlite-event-database';
import { GroupCommit } from './group-commit';
import { PollingSubscription } from '../polling-subscription';

export interface SqliteEventStoreOptions {
  /** `FULL` (default) or `NORMAL`; see `SqliteSynchronous` for what `NORMAL` risks. */
  synchronous?: SqliteSynchronous;
  /** How often live subscriptions look for events written by other processes; default 200 ms. */
  pollIntervalMs?: number;
  /** Events read per query while a subscription catches up; default 500. */
  pageSize?: number;
  /** How long an append waits for another process's write to finish; default 5000 ms. */
  busyTimeoutMs?: number;
  /** Source of `recordedAt`; default the system clock. */
  clock?: () => Date;
}

interface EventRow {
  position: number;
  event_id: string;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
}

type StoredIdRow = Pick<EventRow, 'position' | 'event_id' | 'stream_id' | 'revision'>;

const COLUMNS = 'position, event_id, stream_id, revision, type, data, metadata, recorded_at';
const INSERT_COLUMNS = 'event_id, stream_id, revision, type, data, metadata, recorded_at';

/** Thrown inside an append transaction to roll it back when a stream is not at the expected revision. */
class RevisionMismatch {
  constructor(readonly write: { streamId: string; expected: ExpectedRevision }) {}
}

/**
 * The embedded event store: one SQLite file in WAL mode. Several instances (and processes) may share a file.
 * Each append is one `BEGIN IMMEDIATE` transaction (it takes the write lock before reading the revision, so the
 * check and the insert see the same stream); UNIQUE(stream_id, revision) backs it up, turning any write that got
 * past the check into `WrongExpectedRevisionError`. Event ids are unique in the whole log.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly statements;
  private readonly appendTransaction;
  private readonly appendManyTransaction;
  private readonly groupCommit: GroupCommit;
  private readonly clock: () => Date;
  private readonly subscriptionSettings: { pollIntervalMs: number; pageSize: number };
  private readonly appendListeners = new Set<() => void>();
  private readonly subscriptions = new Set<PollingSubscription>();
  private closed = false;

  constructor(
    readonly filePath: string,
    options: SqliteEventStoreOptions = {},
  ) {
    const pollIntervalMs = options.pollIntervalMs ?? 200;
    const pageSize = options.pageSize ?? 500;
    if (!(pollIntervalMs > 0) || !Number.isSafeInteger(pageSize) || pageSize < 1) {
      throw new TypeError(`pollIntervalMs must be > 0 and pageSize an integer ≥ 1.`);
    }
    this.subscriptionSettings = { pollIntervalMs, pageSize };
    this.clock = options.clock ?? (() => new Date());
    this.db = openSqliteEventDatabase(filePath, {
      synchronous: options.synchronous ?? 'FULL',
      busyTimeoutMs: options.busyTimeoutMs ?? 5000,
    });
    const db = this.db;
    this.statements = {
      insert: db.prepare(`INSERT INTO events (${INSERT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`),
      lastRevision: db
        .prepare('SELECT revision FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1')
        .pluck(),
      findById: db.prepare('SELECT position, event_id, stream_id, revision FROM events WHERE event_id = ?'),
      readStream: db.prepare(
        `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision`,
      ),
      readAll: db.prepare(`SELECT ${COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`),
      ping: db.prepare('SELECT 1').pluck(),
    };
    this.appendTransaction = db.transaction(
      (streamId: string, events: readonly NewEvent<string, object>[], expected: ExpectedRevision) =>
        this.insertEvents(streamId, events, expected),
    );
    this.groupCommit = new GroupCommit(db, () => {
      for (const listener of this.appendListeners) listener();
    });
    this.appendManyTransaction = db.transaction((writes: readonly StreamWrite[]) =>
      writes.map((write) => this.insertEvents(write.streamId, write.events, write.expected)),
    );
  }

  async append(
    streamId: string,
    events: readonly NewEvent<string, object>[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    assertValidAppend(streamId, events, expected);
    return this.groupCommit.submit(() => this.appendInTransaction(streamId, events, expected));
  }

  async appendToStreams(writes: readonly StreamWrite[]): Promise<AppendResult[]> {
    assertValidStreamWrites(writes);
    if (writes.length === 0) return [];
    return this.groupCommit.submit(() => this.appendToStreamsInTransaction(writes));
  }

  /** Runs inside the group commit's transaction; the nested transaction is a savepoint. */
  private appendInTransaction(
    streamId: string,
    events: readonly NewEvent<string, object>[],
    expected: ExpectedRevision,
  ): AppendResult {
    let result: AppendResult;
    try {
      result = this.appendTransaction(streamId, events, expected);
    } catch (error) {
      if (
        error instanceof RevisionMismatch ||
        isUniqueViolation(error, 'events.stream_id, events.revision')
      ) {
        const stored = this.alreadyStored(streamId, events, expected);
        if (stored) return stored;
        throw new WrongExpectedRevisionError(streamId, expected, this.currentRevision(streamId));
      }
      if (isUniqueViolation(error, 'events.event_id')) {
        const stored = this.alreadyStored(streamId, events, expected);
        if (stored) return stored;
      }
      throw error;
    }
    return result;
  }

  private appendToStreamsInTransaction(writes: readonly StreamWrite[]): AppendResult[] {
    let results: AppendResult[];
    try {
      results = this.appendManyTransaction(writes);
    } catch (error) {
      const conflict =
        error instanceof RevisionMismatch ||
        isUniqueViolation(error, 'events.stream_id, events.revision') ||
        isUniqueViolation(error, 'events.event_id');
      if (!conflict) throw error;
      const stored = writes.map((write) => this.alreadyStored(write.streamId, write.events, write.expected));
      if (stored.every((result) => result !== undefined)) return stored as AppendResult[];
      const failed = error instanceof RevisionMismatch ? error.write : writes[stored.findIndex((r) => !r)];
      if (stored.some((result) => result !== undefined)) {
        throw new EventIdConflictError(
          failed.streamId,
          failed.expected,
          this.currentRevision(failed.streamId),
          [],
        );
      }
      throw new WrongExpectedRevisionError(
        failed.streamId,
        failed.expected,
        this.currentRevision(failed.streamId),
      );
    }
    for (const listener of this.appendListeners) listener();
    return results;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const fromRevision = options.fromRevision ?? 0;
    assertValidFromRevision(fromRevision);
    return (this.statements.readStream.all(streamId, fromRevision) as EventRow[]).map(toStoredEvent);
  }

  async readAll(options: { after?: bigint; limit?: number } = {}): Promise<StoredEvent[]> {
    const { after = 0n, limit } = options;
    if (limit !== undefined && (!Number.isSafeInteger(limit) || limit < 0)) {
      throw new TypeError(`readAll limit must be an integer ≥ 0, got ${String(limit)}.`);
    }
    // SQLite reads LIMIT -1 as no limit.
    return this.readPage(after, limit ?? -1);
  }

  subscribeToAll(
    handler: (event: StoredEvent) => Promise<void> | void,
    options: SubscribeOptions = {},
  ): Subscription {
    if (this.closed) throw new Error(`The event store ${this.filePath} is closed.`);
    const source = {
      readPage: (after: bigint, limit: number) => this.readPage(after, limit),
      onAppended: (listener: () => void) => {
        this.appendListeners.add(listener);
        return () => this.appendListeners.delete(listener);
      },
    };
    const subscription = new PollingSubscription(source, handler, options, this.subscriptionSettings);
    this.subscriptions.add(subscription);
    void subscription.finished.then(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  async health(): Promise<{ status: 'up' | 'down'; adapter: string; detail?: string }> {
    try {
      this.statements.ping.get();
      const { journalMode, synchronous } = this.durability();
      return {
        status: 'up',
        adapter: 'sqlite',
        detail: `${this.filePath} (${journalMode}, synchronous=${synchronous})`,
      };
    } catch (error) {
      return {
        status: 'down',
        adapter: 'sqlite',
        detail: error instanceof Error ? error.message : String(error),
      };
    }
  }

  /** The durability settings in force on this connection, read back from SQLite. */
  durability(): { journalMode: string; synchronous: 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA' } {
    const journalMode = String(this.db.pragma('journal_mode', { simple: true }));
    const level = Number(this.db.pragma('synchronous', { simple: true }));
    const synchronous = (['OFF', 'NORMAL', 'FULL', 'EXTRA'] as const)[level];
    return { journalMode, synchronous };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    this.db.close();
  }

  private insertEvents(
    streamId: string,
    events: readonly NewEvent<string, object>[],
    expected: ExpectedRevision,
  ): AppendResult {
    const current = this.statements.lastRevision.get(streamId) as number | undefined;
    if (expected !== 'any' && (expected === 'no_stream' ? current !== undefined : current !== expected)) {
      throw new RevisionMismatch({ streamId, expected });
    }
    const first = (current ?? -1) + 1;
    const recordedAt = this.clock().toISOString();
    let position: number | bigint = 0;
    for (let index = 0; index < events.length; index++) {
      const { id, type, data, metadata } = events[index];
      position = this.statements.insert.run(
        id,
        streamId,
        first + index,
        type,
        JSON.stringify(data),
        JSON.stringify(metadata),
        recordedAt,
      ).lastInsertRowid;
    }
    return { nextExpectedRevision: first + events.length - 1, position: BigInt(position) };
  }

  /**
   * A retry resends the same events to the same stream: if all are stored there, it succeeds with what is stored.
   * Anything else that reuses a stored id (a batch only partly stored, an id stored in another stream) would
   * either drop new events or append a half-batch, so it is refused.
   */
  private alreadyStored(
    streamId: string,
    events: readonly NewEvent<string, object>[],
    expected: ExpectedRevision,
  ): AppendResult | undefined {
    const stored = events
      .map((event) => this.statements.findById.get(event.id) as StoredIdRow | undefined)
      .filter((row): row is StoredIdRow => row !== undefined);
    if (stored.length === 0) return undefined;
    if (stored.length < events.length || stored.some((row) => row.stream_id !== streamId)) {
      const ids = stored.map((row) => row.event_id);
      throw new EventIdConflictError(streamId, expected, this.currentRevision(streamId), ids);
    }
    const last = stored.reduce((latest, row) => (row.position > latest.position ? row : latest));
    return { nextExpectedRevision: last.revision, position: BigInt(last.position) };
  }

  private currentRevision(streamId: string): number | 'no_stream' {
    return (this.statements.lastRevision.get(streamId) as number | undefined) ?? 'no_stream';
  }

  private readPage(after: bigint, limit: number): StoredEvent[] {
    return (this.statements.readAll.all(after, limit) as EventRow[]).map(toStoredEvent);
  }
}

/**
 * Recognises SQLite's error by its fields, not its class: the native addon keeps the error class of the first
 * copy of better-sqlite3 loaded in the process, which is not ours when a test runner loads modules once per file.
 */
function isUniqueViolation(error: unknown, columns: string): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof message === 'string' && message.endsWith(`: ${columns}`)
  );
}

function toStoredEvent(row: EventRow): StoredEvent {
  return {
    id: row.event_id,
    type: row.type,
    data: JSON.parse(row.data) as Record<string, unknown>,
    metadata: JSON.parse(row.metadata) as EventMetadata,
    streamId: row.stream_id,
    revision: row.revision,
    position: BigInt(row.position),
    recordedAt: row.recorded_at,
  };
}
