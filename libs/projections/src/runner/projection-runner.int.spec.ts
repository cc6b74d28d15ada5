import { randomUUID } from 'node:crypto';
import type { EventStore, StoredEvent } from '@actionledger/event-store';
import type { Redis } from 'ioredis';
import type { ProjectionKeys } from '../redis/projection-keys';
import type { RedisWrite } from '../redis/redis-write';
import { projectionTestBed } from '../testing/redis-test-setup';
import { ProjectionBehindError } from './projection.errors';
import type { Projection } from './projection.port';
import { ProjectionRunner, type ProjectionRunnerOptions } from './projection-runner';

/** Counts each event it applies by its number, so an event applied twice or skipped shows. */
class CountingProjection implements Projection {
  readonly handles = new Set(['Tick']);
  failuresLeft = 0;
  constructor(
    private readonly keys: ProjectionKeys,
    readonly name = 'counting',
    private readonly failAt = -1,
  ) {}
  countKey = () => `${this.keys.org('test')}:${this.name}`;
  async project(events: readonly StoredEvent[]): Promise<RedisWrite[]> {
    if (this.failuresLeft > 0 && events.some((e) => e.data.n === this.failAt)) {
      this.failuresLeft -= 1;
      throw new Error(`flaky projection failed at event ${this.failAt}`);
    }
    return events.map((e) => ({ op: 'hincrby', key: this.countKey(), field: `n${String(e.data.n)}`, by: 1 }));
  }
  async counts(redis: Redis): Promise<Record<string, string>> {
    return redis.hgetall(this.countKey());
  }
}

const expectedCounts = (n: number) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`n${i + 1}`, '1']));

async function appendTicks(store: EventStore, from: number, to: number): Promise<bigint> {
  let position = 0n;
  for (let n = from; n <= to; n += 1) {
    const event = {
      id: randomUUID(),
      type: 'Tick',
      data: { n },
      metadata: {
        actor: { userId: 'u', role: 'lead' },
        correlationId: 'c',
        causationId: 'c',
        occurredAt: '2026-03-02T00:00:00Z',
      },
    };
    position = (await store.append(`tick-${n}`, [event], 'no_stream')).position;
  }
  return position;
}

async function until(condition: () => Promise<boolean>, timeoutMs = 8000): Promise<number> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`Not true within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - started;
}

describe('the projection runner', () => {
  const bed = projectionTestBed();
  const runners: ProjectionRunner[] = [];
  const quiet = () => undefined;
  function runner(
    options: Partial<ProjectionRunnerOptions> & Pick<ProjectionRunnerOptions, 'projections' | 'store'>,
  ) {
    const made = new ProjectionRunner({
      redis: bed.redis,
      keys: bed.keys,
      leaseMs: 600,
      log: quiet,
      ...options,
    });
    runners.push(made);
    return made;
  }
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.close()));
  });
  afterAll(() => bed.cleanUp());

  it('applies every event exactly once through failures, restarting the subscription with backoff', async () => {
    const store = bed.openStore();
    const projection = new CountingProjection(bed.keys, `flaky-${randomUUID()}`, 5);
    projection.failuresLeft = 2;
    const messages: string[] = [];
    const projecting = runner({
      store,
      projections: [projection],
      batchSize: 3,
      backoff: { initialMs: 50, maxMs: 200 },
      log: (message) => messages.push(message),
    });
    await projecting.start();
    const position = await appendTicks(store, 1, 10);
    await projecting.waitFor(position, 5000);
    expect(await projection.counts(bed.redis)).toEqual(expectedCounts(10));
    expect(messages.filter((m) => /restarting in/.test(m))).toHaveLength(2);
    expect(messages[1]).toMatch(/restarting in 100 ms/); // the second failure waits twice as long
  });

  it('goes on from its checkpoint after a restart, replaying nothing', async () => {
    const store = bed.openStore();
    const projection = new CountingProjection(bed.keys, `restart-${randomUUID()}`);
    const first = runner({ store, projections: [projection] });
    await first.start();
    await first.waitFor(await appendTicks(store, 1, 5));
    await first.close();
    const position = await appendTicks(store, 6, 8);
    const second = runner({ store, projections: [projection] });
    await second.start();
    await second.waitFor(position);
    expect(await projection.counts(bed.redis)).toEqual(expectedCounts(8));
  });

  it('lets one of two runners project; when the holder dies the other takes over within the lease', async () => {
    const store = bed.openStore();
    const projection = new CountingProjection(bed.keys, `lease-${randomUUID()}`);
    const a = runner({ store, projections: [projection], runnerId: 'runner-a' });
    const b = runner({ store, projections: [projection], runnerId: 'runner-b' });
    await a.start();
    await b.start();
    expect([a.isProjecting, b.isProjecting]).toEqual([true, false]);
    await a.waitFor(await appendTicks(store, 1, 4));
    await a.stop({ releaseLease: false }); // dies: the lease is left to expire
    const position = await appendTicks(store, 5, 9);
    const tookMs = await until(async () => b.isProjecting);
    expect(tookMs).toBeLessThan(2000);
    await b.waitFor(position, 3000);
    expect(await projection.counts(bed.redis)).toEqual(expectedCounts(9));
    expect((await b.status()).leaseHolder).toBe('runner-b');
  });

  it('stops a runner whose checkpoint another one moved, so the two never both write', async () => {
    const store = bed.openStore();
    const projection = new CountingProjection(bed.keys, `fenced-${randomUUID()}`);
    const stale = runner({ store, projections: [projection], runnerId: 'stale', leaseMs: 60_000 });
    await stale.start();
    await stale.waitFor(await appendTicks(store, 1, 2));
    await bed.redis.set(bed.keys.checkpoint(projection.name), '999999'); // as a successor would have
    await appendTicks(store, 3, 3);
    await until(async () => !stale.isProjecting);
    expect(await projection.counts(bed.redis)).toEqual(expectedCounts(2));
  });

  it('reports each projection’s checkpoint, the head, the lag, and whether it runs', async () => {
    const store = bed.openStore();
    const projection = new CountingProjection(bed.keys, `status-${randomUUID()}`);
    const observer = runner({ store, projections: [projection] });
    const head = await appendTicks(store, 1, 6);
    expect((await observer.status()).consumers).toEqual([
      {
        name: projection.name,
        kind: 'projection',
        checkpoint: '0',
        lag: Number(head),
        state: 'stopped',
        error: null,
      },
    ]);
    await observer.start();
    await observer.waitFor(head);
    const status = await observer.status();
    expect(status).toMatchObject({
      leaseHolder: observer.runnerId,
      rebuilding: false,
      head: head.toString(),
    });
    expect(status.consumers[0]).toMatchObject({ checkpoint: head.toString(), lag: 0, state: 'running' });
  });

  it('bounds read-your-writes: waiting for a position nobody reaches fails after the timeout', async () => {
    const store = bed.openStore();
    const projection = new CountingProjection(bed.keys, `wait-${randomUUID()}`);
    const idle = runner({ store, projections: [projection] });
    const started = Date.now();
    await expect(idle.waitFor(10n, 150)).rejects.toThrow(ProjectionBehindError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('rebuilds from the log behind a flag that queries see, and leaves reactors alone', async () => {
    const store = bed.openStore();
    const projection = new CountingProjection(bed.keys, `rebuild-${randomUUID()}`);
    const projecting = runner({ store, projections: [projection], batchSize: 2, rebuildBatchSize: 2 });
    await projecting.start();
    const head = await appendTicks(store, 1, 5);
    await projecting.waitFor(head);
    await bed.redis.set(bed.keys.reactor('some-reactor', 'checkpoint'), '3');
    const flags: number[] = [];
    const rebuilt = await projecting.rebuild(
      () => void bed.redis.exists(bed.keys.rebuilding()).then((f) => flags.push(f)),
    );
    expect(rebuilt.events).toBeGreaterThanOrEqual(5);
    await until(async () => flags.length >= 3);
    expect(flags.every((flag) => flag === 1)).toBe(true);
    expect(await bed.redis.exists(bed.keys.rebuilding())).toBe(0);
    expect(await projection.counts(bed.redis)).toEqual(expectedCounts(5));
    expect(await bed.redis.get(bed.keys.reactor('some-reactor', 'checkpoint'))).toBe('3');
    // Live projection goes on after the rebuild.
    await projecting.waitFor(await appendTicks(store, 6, 6));
    expect(await projection.counts(bed.redis)).toEqual(expectedCounts(6));
  });
});
