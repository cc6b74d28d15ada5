import { Pool, type PoolConfig, type QueryConfig, type QueryResultRow } from 'pg';
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
import { isConnectionError } from './postgres-connection-errors';
import { callAppend } from './postgres-append-call';
import { PostgresGroupCommit } from './postgres-group-commit';
import { migratePostgres } from './postgres-migrator';
import { POSTGRES_MIGRATIONS } from './postgres-migrations';
import { PostgresNotifications } from './postgres-notifications';
import { PollingSubscription, type SubscriptionSettings } from '../polling-subscription';

export interface PostgresEventStoreOptions {
  /** Connections in the pool (appends use one at a time; reads and subscriptions the others); default 10. */
  poolSize?: number;
  /** How often live subscriptions read the log when no notification came; default 1000 ms. */
  pollIntervalMs?: number;
  /** Events read per query while a subscription catches up; default 500. */
  pageSize?: number;
  /** First wait before reconnecting after a lost connection (doubling up to 5 s); default 100 ms. */
  reconnectDelayMs?: number;
  /** Names the store's connections in `pg_stat_activity`; default `actionledger`. */
  applicationName?: string;
  /** Source of `recordedAt`; default the system clock. */
  clock?: () => Date;
}

interface EventRow {
  position: string;
  event_id: string;
  stream_id: string;
  revision: string;
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  recorded_at: Date;
}

interface StoredIdRow {
  position: string;
  event_id: string;
  stream_id: string;
  revision: string;
}

const COLUMNS = 'position, event_id, stream_id, revision, type, data, metadata, recorded_at';
/** A query that loses its connection is retried this often: reads are idempotent, appends by event ids. */
const ATTEMPTS = 3;
const MAX_RETRY_DELAY_MS = 5000;

/**
 * The event store on PostgreSQL (`pg`). Appends from every process are serialised by one transaction-scoped
 * advisory lock, taken before a position is drawn and held until commit, so positions become visible in order and
 * a reader that has seen position p will never later see a smaller one. Appends that arrive together share one
 * call and one commit (group commit). UNIQUE(stream_id, revision) and UNIQUE(event_id) back the checks up.
 * The schema is brought up to date by numbered migrations the first time the store is used.
 */
export class PostgresEventStore implements EventStore {
  private readonly pool: Pool;
  private readonly groupCommit: PostgresGroupCommit;
  private readonly notifications: PostgresNotifications;
  private readonly subscriptionSettings: SubscriptionSettings;
  private readonly subscriptions = new Set<PollingSubscription>();
  private readonly clock: () => Date;
  private readonly reconnectDelayMs: number;
  private migrated: Promise<void> | undefined;
  private closed = false;

  constructor(
    readonly connectionString: string,
    options: PostgresEventStoreOptions = {},
  ) {
    const pollIntervalMs = options.pollIntervalMs ?? 1000;
    const pageSize = options.pageSize ?? 500;
    const poolSize = options.poolSize ?? 10;
    this.reconnectDelayMs = options.reconnectDelayMs ?? 100;
    if (!(pollIntervalMs > 0) || !Number.isSafeInteger(pageSize) || pageSize < 1) {
      throw new TypeError('pollIntervalMs must be > 0 and pageSize an integer ≥ 1.');
    }
    if (!Number.isSafeInteger(poolSize) || poolSize < 2) {
      throw new TypeError(`poolSize must be an integer ≥ 2, got ${String(poolSize)}.`);
    }
    this.clock = options.clock ?? (() => new Date());
    const applicationName = options.applicationName ?? 'actionledger';
    const config: PoolConfig = { connectionString, application_name: applicationName, max: poolSize };
    this.pool = new Pool(config);
    // An idle connection that the server drops emits here; the pool discards it and opens another when needed.
    this.pool.on('error', () => undefined);
    this.notifications = new PostgresNotifications(
      { connectionString, application_name: `${applicationName}-listen` },
      { reconnectDelayMs: this.reconnectDelayMs, maxReconnectDelayMs: MAX_RETRY_DELAY_MS },
    );
    this.subscriptionSettings = {
      pollIntervalMs,
      pageSize,
      retry: {
        isTransient: isConnectionError,
        delayMs: this.reconnectDelayMs,
        maxDelayMs: MAX_RETRY_DELAY_MS,
      },
    };
    this.groupCommit = new PostgresGroupCommit((units) =>
      callAppend((config) => this.query(config), units, this.clock()),
    );
  }

  /** Connects and brings the schema up to date; every other method does this first when it has not been done. */
  ready(): Promise<void> {
    if (this.closed) return Promise.reject(new Error('The PostgreSQL event store is closed.'));
    this.migrated ??= migratePostgres(this.pool, POSTGRES_MIGRATIONS).then(
      () => undefined,
      (error: unknown) => {
        this.migrated = undefined; // the next call tries again (the server may be starting)
        throw error;
      },
    );
    return this.migrated;
  }

  async append(
    streamId: string,
    events: readonly NewEvent<string, object>[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    assertValidAppend(streamId, events, expected);
    const [result] = await this.appendUnit([{ streamId, events, expected }]);
    return result;
  }

  async appendToStreams(writes: readonly StreamWrite[]): Promise<AppendResult[]> {
    assertValidStreamWrites(writes);
    if (writes.length === 0) return [];
    return this.appendUnit(writes);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const fromRevision = options.fromRevision ?? 0;
    assertValidFromRevision(fromRevision);
    await this.ready();
    const { rows } = await this.query<EventRow>({
      name: 'event-store-read-stream',
      text: `SELECT ${COLUMNS} FROM events WHERE stream_id = $1 AND revision >= $2 ORDER BY revision`,
      values: [streamId, fromRevision],
    });
    return rows.map(toStoredEvent);
  }

  async readAll(options: { after?: bigint; limit?: number } = {}): Promise<StoredEvent[]> {
    const { after = 0n, limit } = options;
    if (limit !== undefined && (!Number.isSafeInteger(limit) || limit < 0)) {
      throw new TypeError(`readAll limit must be an integer ≥ 0, got ${String(limit)}.`);
    }
    return this.readPage(after, limit ?? null);
  }

  subscribeToAll(
    handler: (event: StoredEvent) => Promise<void> | void,
    options: SubscribeOptions = {},
  ): Subscription {
    if (this.closed) throw new Error('The PostgreSQL event store is closed.');
    const source = {
      readPage: (after: bigint, limit: number) => this.readPage(after, limit),
      onAppended: (listener: () => void) => this.notifications.listen(listener),
    };
    const subscription = new PollingSubscription(source, handler, options, this.subscriptionSettings);
    this.subscriptions.add(subscription);
    void subscription.finished.then(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  async health(): Promise<{ status: 'up' | 'down'; adapter: string; detail?: string }> {
    try {
      await this.ready();
      const { rows } = await this.query<{ version: string; database: string }>({
        text: `SELECT current_setting('server_version') AS version, current_database() AS database`,
      });
      return {
        status: 'up',
        adapter: 'postgres',
        detail: `PostgreSQL ${rows[0].version}, database ${rows[0].database}`,
      };
    } catch (error) {
      return {
        status: 'down',
        adapter: 'postgres',
        detail: error instanceof Error ? error.message : String(error),
      };
    }
  }

  /** Resolves once live subscriptions' LISTEN connection is up (tests use it before killing it). */
  listening(): Promise<void> {
    return this.notifications.connected();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.notifications.stop();
    await this.migrated?.catch(() => undefined);
    await this.pool.end();
  }

  private async appendUnit(writes: readonly StreamWrite[]): Promise<AppendResult[]> {
    // Serialised here, so that an event JSON cannot carry fails its own append and not the whole group.
    const json = writes.map((write) =>
      write.events.map((event) => ({
        data: JSON.stringify(event.data),
        metadata: JSON.stringify(event.metadata),
      })),
    );
    await this.ready();
    const outcome = await this.groupCommit.submit({ writes, json });
    if (outcome.ok) {
      return outcome.results.map((result) => ({
        nextExpectedRevision: result.lastRevision,
        position: result.lastPosition,
      }));
    }
    return this.resolveConflict(writes, outcome.failedWrite, outcome.reason);
  }

  /**
   * A refused unit is either a retry of a write already stored (success, with what is stored), a reuse of stored
   * ids that is not a retry (`EventIdConflictError`), or a stale expected revision. Decided after the commit from
   * what is stored: stored events are never removed, so a retry seen as stored stays so.
   */
  private async resolveConflict(
    writes: readonly StreamWrite[],
    failedIndex: number,
    reason: string,
  ): Promise<AppendResult[]> {
    if (reason.startsWith('error ')) throw new Error(`PostgreSQL refused the append: ${reason.slice(6)}`);
    const stored: (AppendResult | undefined)[] = [];
    for (const write of writes) stored.push(await this.alreadyStored(write));
    if (stored.every((result) => result !== undefined)) return stored as AppendResult[];
    const failed =
      reason === 'revision' ? writes[failedIndex] : writes[stored.findIndex((result) => !result)];
    const actual = await this.currentRevision(failed.streamId);
    if (stored.some((result) => result !== undefined)) {
      throw new EventIdConflictError(failed.streamId, failed.expected, actual, []);
    }
    throw new WrongExpectedRevisionError(failed.streamId, failed.expected, actual);
  }

  private async alreadyStored(write: StreamWrite): Promise<AppendResult | undefined> {
    const { rows } = await this.query<StoredIdRow>({
      name: 'event-store-find-ids',
      text: 'SELECT position, event_id, stream_id, revision FROM events WHERE event_id = ANY($1::text[])',
      values: [write.events.map((event) => event.id)],
    });
    if (rows.length === 0) return undefined;
    if (rows.length < write.events.length || rows.some((row) => row.stream_id !== write.streamId)) {
      const actual = await this.currentRevision(write.streamId);
      const ids = rows.map((row) => row.event_id);
      throw new EventIdConflictError(write.streamId, write.expected, actual, ids);
    }
    const last = rows.reduce((latest, row) =>
      BigInt(row.position) > BigInt(latest.position) ? row : latest,
    );
    return { nextExpectedRevision: Number(last.revision), position: BigInt(last.position) };
  }

  private async currentRevision(streamId: string): Promise<number | 'no_stream'> {
    const { rows } = await this.query<{ revision: string | null }>({
      name: 'event-store-last-revision',
      text: 'SELECT max(revision) AS revision FROM events WHERE stream_id = $1',
      values: [streamId],
    });
    return rows[0].revision === null ? 'no_stream' : Number(rows[0].revision);
  }

  /**
   * A query on a new connection when its connection was lost (the server restarted, the backend was terminated).
   * Safe for appends too: a retried append whose first try was committed is recognised by its event ids.
   */
  private async query<Row extends QueryResultRow>(config: QueryConfig): Promise<{ rows: Row[] }> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.pool.query<Row>(config);
      } catch (error) {
        if (attempt >= ATTEMPTS || this.closed || !isConnectionError(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, this.reconnectDelayMs * attempt));
      }
    }
  }

  private async readPage(after: bigint, limit: number | null): Promise<StoredEvent[]> {
    await this.ready();
    const { rows } = await this.query<EventRow>({
      name: 'event-store-read-all',
      text: `SELECT ${COLUMNS} FROM events WHERE position > $1 ORDER BY position LIMIT $2`,
      values: [after.toString(), limit],
    });
    return rows.map(toStoredEvent);
  }
}

function toStoredEvent(row: EventRow): StoredEvent {
  return {
    id: row.event_id,
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    streamId: row.stream_id,
    revision: Number(row.revision),
    position: BigInt(row.position),
    recordedAt: row.recorded_at.toISOString(),
  };
}
