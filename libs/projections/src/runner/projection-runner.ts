import { randomUUID } from 'node:crypto';
import type { EventStore, StoredEvent, Subscription } from '@actionledger/event-store';
import type { Redis } from 'ioredis';
import { ProjectionKeys } from '../redis/projection-keys';
import { queueWrites, type RedisWrite } from '../redis/redis-write';
import { findLogHead } from './log-head';
import { CheckpointMovedError } from './projection.errors';
import type { ConsumerKind, Projection, Reactor } from './projection.port';
import { RedisLease } from './redis-lease';
import { READ_YOUR_WRITES_TIMEOUT_MS, waitForPosition } from './wait-for-position';

export interface ProjectionRunnerOptions {
  store: EventStore;
  /** A connection the runner may use; it opens one more of its own (WATCH/MULTI need a connection to themselves). */
  redis: Redis;
  projections: readonly Projection[];
  reactors?: readonly Reactor[];
  keys?: ProjectionKeys;
  runnerId?: string;
  /** How long the lease lasts unless renewed (every third of it): a dead holder is replaced within this. */
  leaseMs?: number;
  /** Most events applied in one transaction. */
  batchSize?: number;
  /** The same during a rebuild, where bigger batches fold more events into each document write; default 5000. */
  rebuildBatchSize?: number;
  backoff?: { initialMs: number; maxMs: number };
  log?: (message: string) => void;
  /** Where the runner says it took the lease and from which position it goes on (default: nowhere). */
  info?: (message: string) => void;
}

export type ConsumerState = 'running' | 'stopped' | 'rebuilding';

export interface ConsumerStatus {
  name: string;
  kind: ConsumerKind;
  checkpoint: string;
  /** Log positions between the checkpoint and the head. */
  lag: number;
  state: ConsumerState;
  error: string | null;
}

export interface RunnerStatus {
  runnerId: string;
  /** The runner that projects now, if any (this one or another process). */
  leaseHolder: string | null;
  rebuilding: boolean;
  head: string;
  consumers: ConsumerStatus[];
}

export interface RebuildProgress {
  position: bigint;
  head: bigint;
  events: number;
}

const lowest = (positions: readonly bigint[]): bigint =>
  positions.length === 0 ? 0n : positions.reduce((a, b) => (a < b ? a : b));

interface Consumer {
  kind: ConsumerKind;
  name: string;
  handles: ReadonlySet<string>;
  checkpointKey: string;
  projection?: Projection;
  reactor?: Reactor;
}

interface Session {
  checkpoints: Map<string, bigint>;
  buffer: StoredEvent[];
  chain: Promise<void>;
  flushScheduled: boolean;
  failed: Error | null;
  subscription?: Subscription;
}

/**
 * Feeds projections and reactors from the store's subscription to all events, from checkpoints kept in Redis.
 * Only the holder of a lease in Redis projects; each batch is applied with its checkpoint in one MULTI under
 * WATCH of that checkpoint, so a crash neither applies an event twice nor skips one, and a runner that lost its
 * lease without knowing it cannot write over its successor. A failed subscription restarts with backoff.
 */
export class ProjectionRunner {
  readonly runnerId: string;
  readonly keys: ProjectionKeys;
  private readonly store: EventStore;
  private readonly redis: Redis;
  private readonly tx: Redis;
  private readonly lease: RedisLease;
  private readonly consumers: Consumer[];
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private readonly rebuildBatchSize: number;
  private readonly backoff: { initialMs: number; maxMs: number };
  private readonly log: (message: string) => void;
  private readonly info: (message: string) => void;
  private started = false;
  private holding = false;
  private rebuildingNow = false;
  private session: Session | null = null;
  private tickTimer?: NodeJS.Timeout;
  private restartTimer?: NodeJS.Timeout;
  private failures = 0;
  private lastError: string | null = null;

  constructor(options: ProjectionRunnerOptions) {
    this.store = options.store;
    this.redis = options.redis;
    this.tx = options.redis.duplicate();
    this.keys = options.keys ?? new ProjectionKeys();
    this.runnerId = options.runnerId ?? randomUUID();
    this.leaseMs = options.leaseMs ?? 5000;
    this.batchSize = options.batchSize ?? 1000;
    this.rebuildBatchSize = options.rebuildBatchSize ?? 5000;
    this.backoff = options.backoff ?? { initialMs: 100, maxMs: 10_000 };
    this.log = options.log ?? ((message) => console.warn(message));
    this.info = options.info ?? (() => undefined);
    this.lease = new RedisLease(this.redis, this.keys.lease(), this.runnerId, this.leaseMs);
    const names = new Set<string>();
    this.consumers = [
      ...options.projections.map((projection) => ({
        kind: 'projection' as const,
        name: projection.name,
        handles: projection.handles,
        checkpointKey: this.keys.checkpoint(projection.name),
        projection,
      })),
      ...(options.reactors ?? []).map((reactor) => ({
        kind: 'reactor' as const,
        name: reactor.name,
        handles: reactor.handles,
        checkpointKey: this.keys.reactor(reactor.name, 'checkpoint'),
        reactor,
      })),
    ];
    for (const { name } of this.consumers) {
      if (names.has(name)) throw new TypeError(`Two projections or reactors are named "${name}".`);
      names.add(name);
    }
  }

  get projectionNames(): string[] {
    return this.consumers.filter((c) => c.kind === 'projection').map((c) => c.name);
  }

  /** Whether this runner holds the lease and is projecting now. */
  get isProjecting(): boolean {
    return this.holding && this.session !== null && this.session.failed === null;
  }

  /** Starts competing for the lease; resolves after the first attempt. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.tick();
  }

  /**
   * Stops projecting. `releaseLease: false` leaves the lease to expire, as a process that dies would: the
   * other runner takes over once it has.
   */
  async stop(options: { releaseLease?: boolean } = {}): Promise<void> {
    this.started = false;
    clearTimeout(this.tickTimer);
    clearTimeout(this.restartTimer);
    await this.endSession();
    if (this.holding && options.releaseLease !== false) await this.lease.release().catch(() => undefined);
    this.holding = false;
  }

  /** Stops, releases the lease and closes the runner's own connection (not the one it was given). */
  async close(): Promise<void> {
    await this.stop();
    this.tx.disconnect();
  }

  /** Read-your-writes: waits until every projection has passed `position` (default bound 2 s). */
  waitFor(position: bigint, timeoutMs = READ_YOUR_WRITES_TIMEOUT_MS): Promise<void> {
    return waitForPosition(this.redis, this.keys, this.projectionNames, position, timeoutMs);
  }

  async status(): Promise<RunnerStatus> {
    const [leaseHolder, rebuildingFlag, values] = await Promise.all([
      this.lease.holder(),
      this.redis.exists(this.keys.rebuilding()),
      this.redis.mget(this.consumers.map((c) => c.checkpointKey)),
    ]);
    const checkpoints = values.map((value) => BigInt(value ?? '0'));
    const head = await findLogHead(this.store, lowest(checkpoints));
    const rebuilding = rebuildingFlag === 1;
    const failed = leaseHolder === this.runnerId && (this.session === null || this.session.failed !== null);
    return {
      runnerId: this.runnerId,
      leaseHolder,
      rebuilding,
      head: head.toString(),
      consumers: this.consumers.map((consumer, index) => {
        const state: ConsumerState =
          rebuilding && consumer.kind === 'projection'
            ? 'rebuilding'
            : leaseHolder === null || (failed && !this.rebuildingNow)
              ? 'stopped'
              : 'running';
        return {
          name: consumer.name,
          kind: consumer.kind,
          checkpoint: checkpoints[index].toString(),
          lag: Number(head - checkpoints[index]),
          state,
          error: state === 'stopped' ? this.lastError : null,
        };
      }),
    };
  }

  /**
   * Drops every read model (and their checkpoints) and replays the whole log into them. While it runs a flag
   * in Redis tells queries to answer 503. Reactors are not replayed. Needs the lease: run it in the process
   * that projects, or with the others stopped.
   */
  async rebuild(onProgress?: (progress: RebuildProgress) => void): Promise<{ events: number }> {
    if (!this.holding) {
      if (!(await this.lease.acquire())) {
        throw new Error(
          `Runner ${await this.lease.holder()} is projecting: rebuild from it, or stop it first.`,
        );
      }
      this.holding = true;
    }
    this.rebuildingNow = true;
    try {
      await this.redis.set(this.keys.rebuilding(), this.runnerId, 'PX', this.leaseMs * 3);
      await this.endSession();
      await this.dropReadModels();
      const projections = this.consumers.filter((c) => c.kind === 'projection');
      const checkpoints = new Map(projections.map((c) => [c.name, 0n]));
      const head = await findLogHead(this.store);
      let after = 0n;
      let events = 0;
      let renewedAt = Date.now();
      let page = await this.store.readAll({ after, limit: this.rebuildBatchSize });
      while (page.length > 0) {
        after = page[page.length - 1].position;
        // The next page is read while Redis works on this one.
        const applying = this.applyBatch(checkpoints, page, projections);
        const next = this.store.readAll({ after, limit: this.rebuildBatchSize });
        await applying;
        events += page.length;
        onProgress?.({ position: after, head, events });
        if (Date.now() - renewedAt > this.leaseMs / 3) {
          if (!(await this.lease.renew())) throw new Error('The lease was lost during the rebuild.');
          await this.redis.pexpire(this.keys.rebuilding(), this.leaseMs * 3);
          renewedAt = Date.now();
        }
        page = await next;
      }
      await this.redis.del(this.keys.rebuilding());
      return { events };
    } finally {
      this.rebuildingNow = false;
      if (this.started) await this.beginSession();
      else {
        await this.lease.release();
        this.holding = false;
      }
    }
  }

  private async dropReadModels(): Promise<void> {
    const stream = this.redis.scanStream({ match: `${this.keys.prefix}:*`, count: 1000 });
    for await (const found of stream as AsyncIterable<string[]>) {
      const keys = found.filter((key) => this.keys.isRebuildable(key));
      if (keys.length > 0) await this.redis.unlink(...keys);
    }
  }

  private async tick(): Promise<void> {
    if (!this.started) return;
    try {
      if (this.holding) {
        if (!(await this.lease.renew())) {
          this.log(`Runner ${this.runnerId} lost its lease; it stops projecting.`);
          this.holding = false;
          await this.endSession();
        } else if (this.rebuildingNow) {
          await this.redis.pexpire(this.keys.rebuilding(), this.leaseMs * 3);
        }
      } else if (await this.lease.acquire()) {
        this.holding = true;
        if (!this.rebuildingNow) await this.beginSession();
      }
    } catch (error) {
      this.lastError = (error as Error).message;
      this.log(`Projection runner: ${this.lastError}`);
    } finally {
      if (this.started) this.tickTimer = setTimeout(() => void this.tick(), Math.max(10, this.leaseMs / 3));
    }
  }

  private async beginSession(): Promise<void> {
    if (this.session || !this.holding || !this.started) return;
    const session: Session = {
      checkpoints: new Map(),
      buffer: [],
      chain: Promise.resolve(),
      flushScheduled: false,
      failed: null,
    };
    this.session = session;
    try {
      const values = await this.redis.mget(this.consumers.map((c) => c.checkpointKey));
      this.consumers.forEach((c, index) => session.checkpoints.set(c.name, BigInt(values[index] ?? '0')));
      const after = lowest([...session.checkpoints.values()]);
      if (this.session !== session) return;
      this.info(`Runner ${this.runnerId} holds the lease and projects from log position ${after}.`);
      session.subscription = this.store.subscribeToAll((event) => this.onEvent(session, event), {
        after,
        onError: (error) => this.fail(session, error),
      });
    } catch (error) {
      this.fail(session, error as Error);
    }
  }

  private async endSession(): Promise<void> {
    const session = this.session;
    this.session = null;
    if (!session) return;
    session.failed ??= new Error('stopped');
    await session.subscription?.close().catch(() => undefined);
    await session.chain.catch(() => undefined);
  }

  private fail(session: Session, error: Error): void {
    if (session.failed) return;
    session.failed = error;
    this.lastError = error.message;
    this.failures += 1;
    const delay = Math.min(this.backoff.initialMs * 2 ** (this.failures - 1), this.backoff.maxMs);
    this.log(`Projection runner: ${error.message}; restarting in ${delay} ms.`);
    void session.subscription?.close().catch(() => undefined);
    clearTimeout(this.restartTimer);
    this.restartTimer = setTimeout(() => {
      if (this.session !== session) return;
      void this.endSession().then(() =>
        error instanceof CheckpointMovedError ? undefined : this.beginSession(),
      );
    }, delay);
    if (error instanceof CheckpointMovedError) {
      // Another runner projects: give the lease up (only if it is still this runner's) rather than compete.
      this.holding = false;
      void this.lease.release().catch(() => undefined);
    }
  }

  private async onEvent(session: Session, event: StoredEvent): Promise<void> {
    if (session.failed) throw session.failed;
    session.buffer.push(event);
    if (session.buffer.length >= this.batchSize) {
      await this.flush(session);
    } else if (!session.flushScheduled) {
      // Events delivered together (a page of catch-up, an append of several) go into one transaction.
      session.flushScheduled = true;
      setImmediate(() => {
        session.flushScheduled = false;
        this.flush(session).catch(() => undefined);
      });
    }
  }

  private flush(session: Session): Promise<void> {
    session.chain = session.chain.then(async () => {
      if (session.failed) throw session.failed;
      const events = session.buffer.splice(0);
      if (events.length === 0) return;
      try {
        await this.applyBatch(session.checkpoints, events, this.consumers);
        this.failures = 0;
        this.lastError = null;
      } catch (error) {
        this.fail(session, error as Error);
        throw error;
      }
    });
    return session.chain;
  }

  private async applyBatch(
    checkpoints: Map<string, bigint>,
    events: readonly StoredEvent[],
    consumers: readonly Consumer[],
  ): Promise<void> {
    const last = events[events.length - 1].position;
    for (const consumer of consumers) {
      const from = checkpoints.get(consumer.name) ?? 0n;
      if (last <= from) continue;
      const fresh = events.filter((e) => e.position > from && consumer.handles.has(e.type));
      if (consumer.projection) {
        const projection = consumer.projection;
        await this.commit(consumer, from, last, () =>
          fresh.length ? projection.project(fresh, this.tx) : Promise.resolve([]),
        );
      } else if (consumer.reactor) {
        const reactor = consumer.reactor;
        let at = from;
        for (const event of fresh) {
          await this.commit(consumer, at, event.position, () => reactor.react(event, this.tx));
          at = event.position;
          checkpoints.set(consumer.name, at);
        }
        if (at < last) await this.commit(consumer, at, last, () => Promise.resolve([]));
      }
      checkpoints.set(consumer.name, last);
    }
  }

  /** Applies `produce`'s writes and moves the checkpoint from `expected` to `next`, all in one MULTI. */
  private async commit(
    consumer: Consumer,
    expected: bigint,
    next: bigint,
    produce: () => Promise<RedisWrite[]>,
  ): Promise<void> {
    await this.tx.watch(consumer.checkpointKey);
    try {
      const stored = BigInt((await this.tx.get(consumer.checkpointKey)) ?? '0');
      if (stored !== expected) throw new CheckpointMovedError(consumer.name);
      const writes = await produce();
      const transaction = this.tx.multi();
      queueWrites(transaction, writes);
      transaction.set(consumer.checkpointKey, next.toString());
      const results = await transaction.exec();
      if (results === null) throw new CheckpointMovedError(consumer.name);
      const failed = results.find(([error]) => error);
      if (failed) throw failed[0] as Error;
    } catch (error) {
      await this.tx.unwatch().catch(() => undefined);
      throw error;
    }
  }
}
