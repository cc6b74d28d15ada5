import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describeEventStoreContract } from '../event-store.contract';
import {
  EventIdConflictError,
  WrongExpectedRevisionError,
  type NewEvent,
  type StoredEvent,
} from '../event-store.port';
import { SqliteEventStore } from './sqlite-event-store';
import { eventually, sleep } from '../eventually';

const tempDirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'actionledger-event-store-'));
  tempDirs.push(dir);
  return join(dir, 'events.db');
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describeEventStoreContract('SqliteEventStore on a temp file', async () => new SqliteEventStore(tempFile()));

describe('SqliteEventStore', () => {
  const open: SqliteEventStore[] = [];
  function openStore(filePath: string, options?: ConstructorParameters<typeof SqliteEventStore>[1]) {
    const store = new SqliteEventStore(filePath, options);
    open.push(store);
    return store;
  }
  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()));
  });

  describe('durability', () => {
    it('runs in WAL mode with synchronous=FULL unless told otherwise', async () => {
      const filePath = tempFile();
      expect(openStore(filePath).durability()).toEqual({ journalMode: 'wal', synchronous: 'FULL' });
      expect(openStore(tempFile(), { synchronous: 'NORMAL' }).durability()).toEqual({
        journalMode: 'wal',
        synchronous: 'NORMAL',
      });
      const raw = new Database(filePath, { readonly: true });
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      raw.close();
      expect(await openStore(filePath).health()).toMatchObject({ status: 'up', adapter: 'sqlite' });
    });

    it('creates the folder of its file', async () => {
      const filePath = join(tempFile(), '..', 'nested', 'deeper', 'events.db');
      await openStore(filePath).append(streamId(), [newEvent()], 'no_stream');
      expect(existsSync(filePath)).toBe(true);
    });

    it('keeps every event across closing and reopening the file, and goes on numbering after them', async () => {
      const filePath = tempFile();
      const stream = streamId();
      const first = new SqliteEventStore(filePath);
      const { position } = await first.append(stream, [newEvent(), newEvent()], 'no_stream');
      const before = await first.readStream(stream);
      await first.close();
      expect(await first.health()).toMatchObject({ status: 'down' });

      const reopened = openStore(filePath);
      expect(await reopened.readStream(stream)).toEqual(before);
      const next = await reopened.append(stream, [newEvent()], 1);
      expect(next.nextExpectedRevision).toBe(2);
      expect(next.position).toBeGreaterThan(position);
    });
  });

  describe('two instances on one file (as two processes would)', () => {
    it("see each other's writes, live subscriptions included", async () => {
      const filePath = tempFile();
      const [api, cli] = [openStore(filePath, { pollIntervalMs: 20 }), openStore(filePath)];
      const stream = streamId();
      const received: StoredEvent[] = [];
      const subscription = api.subscribeToAll((event) => {
        received.push(event);
      });
      await cli.append(stream, [newEvent()], 'no_stream');
      expect(await api.readStream(stream)).toHaveLength(1);
      await eventually(() => expect(received.map((event) => event.streamId)).toEqual([stream]));
      await api.append(stream, [newEvent()], 0);
      expect(await cli.readStream(stream)).toHaveLength(2);
      await subscription.close();
    });

    it('let only one of them append at a given revision', async () => {
      const filePath = tempFile();
      const [a, b] = [openStore(filePath), openStore(filePath)];
      const stream = streamId();
      await a.append(stream, [newEvent()], 'no_stream');
      const results = await Promise.allSettled([
        a.append(stream, [newEvent()], 0),
        b.append(stream, [newEvent()], 0),
      ]);
      expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected']);
      expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
      expect((await b.append(stream, [newEvent()], 1)).nextExpectedRevision).toBe(2);
    });

    it('cannot hold two events at one revision of a stream, whoever writes them', async () => {
      const filePath = tempFile();
      const stream = streamId();
      await openStore(filePath).append(stream, [newEvent()], 'no_stream');
      const raw = new Database(filePath);
      const insert = raw.prepare(
        `INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at)
         VALUES (?, ?, 0, 'Sneaky', '{}', '{}', '2026-11-02T09:00:00.000Z')`,
      );
      expect(() => insert.run(randomUUID(), stream)).toThrow(
        /UNIQUE constraint failed: events.stream_id, events.revision/,
      );
      raw.close();
    });
  });

  describe('appends racing from four threads, each with its own connection', () => {
    let workers: Worker[] = [];
    let filePath: string;
    beforeEach(async () => {
      filePath = tempFile();
      openStore(filePath); // creates the schema before the threads race to.
      workers = [0, 1, 2, 3].map(
        (worker) =>
          new Worker(join(__dirname, 'testing', 'racing-appender.worker.js'), {
            workerData: { filePath, worker },
          }),
      );
      await Promise.all(workers.map((worker) => nextMessage(worker)));
    });
    afterEach(async () => {
      await Promise.all(
        workers.map(
          (worker) => new Promise((exited) => worker.once('exit', exited).postMessage({ kind: 'close' })),
        ),
      );
    });

    it('let exactly one thread win each revision; the others get WrongExpectedRevisionError', async () => {
      for (let round = 0; round < 10; round++) {
        const stream = streamId();
        const results = await Promise.all(
          workers.map((worker) => ask(worker, { kind: 'attempt', streamId: stream, expected: 'no_stream' })),
        );
        expect(results.filter((result) => result.won)).toHaveLength(1);
        expect(results.filter((result) => !result.won).map((result) => result.error)).toEqual(
          Array(3).fill('WrongExpectedRevisionError'),
        );
      }
    }, 20_000);

    it('build one gapless stream from 4 × 25 optimistic appends', async () => {
      const stream = streamId();
      const results = await Promise.all(
        workers.map((worker) => ask(worker, { kind: 'appendMany', streamId: stream, count: 25 })),
      );
      expect(results.every((result) => typeof result.conflicts === 'number')).toBe(true);
      const events = await openStore(filePath).readStream(stream);
      expect(events.map((event) => event.revision)).toEqual(Array.from({ length: 100 }, (_, index) => index));
    }, 20_000);
  });

  describe('deduplication by event id', () => {
    it('appends nothing for a retry with any', async () => {
      const store = openStore(tempFile());
      const stream = streamId();
      const event = newEvent();
      const first = await store.append(stream, [event], 'any');
      expect(await store.append(stream, [event], 'any')).toEqual(first);
      expect(await store.readStream(stream)).toHaveLength(1);
    });

    it('refuses a batch that mixes stored and new events, and appends none of it', async () => {
      const store = openStore(tempFile());
      const stream = streamId();
      const stored = newEvent();
      await store.append(stream, [stored], 'no_stream');
      for (const expected of [0, 'any', 'no_stream'] as const) {
        const mixed = store.append(stream, [stored, newEvent()], expected);
        await expect(mixed).rejects.toThrow(EventIdConflictError);
        await expect(mixed).rejects.toMatchObject({ storedEventIds: [stored.id], actual: 0 });
      }
      expect(await store.readStream(stream)).toHaveLength(1);
    });

    it('refuses an id already stored in another stream', async () => {
      const store = openStore(tempFile());
      const event = newEvent();
      await store.append(streamId(), [event], 'no_stream');
      const other = streamId();
      await expect(store.append(other, [event], 'no_stream')).rejects.toThrow(EventIdConflictError);
      expect(await store.readStream(other)).toEqual([]);
    });
  });

  describe('subscribeToAll', () => {
    it('starts at the beginning of the log without a position, reading it in pages', async () => {
      const store = openStore(tempFile(), { pageSize: 3 });
      const stream = streamId();
      const events = Array.from({ length: 8 }, () => newEvent());
      await store.append(stream, events, 'no_stream');
      const received: string[] = [];
      const subscription = store.subscribeToAll((event) => {
        received.push(event.id);
      });
      await eventually(() => expect(received).toEqual(events.map((event) => event.id)));
      await subscription.close();
    });

    it('sees events appended by its own handler', async () => {
      const store = openStore(tempFile());
      const [trigger, reaction] = [streamId(), streamId()];
      const types: string[] = [];
      const subscription = store.subscribeToAll(async (event) => {
        types.push(event.type);
        if (event.streamId === trigger)
          await store.append(reaction, [newEvent('ReactionRecorded')], 'no_stream');
      });
      await store.append(trigger, [newEvent()], 'no_stream');
      await eventually(() => expect(types).toEqual(['ActionPlanned', 'ReactionRecorded']));
      await subscription.close();
    });

    it('is closed, after its handler call in flight, when the store closes', async () => {
      const store = new SqliteEventStore(tempFile());
      let [started, finished] = [false, false];
      const errors: Error[] = [];
      store.subscribeToAll(
        async () => {
          started = true;
          await sleep(100);
          finished = true;
        },
        { onError: (error) => errors.push(error) },
      );
      await store.append(streamId(), [newEvent()], 'no_stream');
      await eventually(() => expect(started).toBe(true));
      expect(finished).toBe(false);
      await store.close();
      expect(finished).toBe(true);
      expect(errors).toEqual([]);
    });
  });
});

function streamId(): string {
  return `sqlite-${randomUUID()}`;
}

function newEvent(type = 'ActionPlanned'): NewEvent {
  return {
    id: randomUUID(),
    type,
    data: { actionId: randomUUID() },
    metadata: {
      actor: { userId: 'u-lead', role: 'lead' },
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: '2026-11-02T09:00:00.000Z',
    },
  };
}

interface WorkerAnswer {
  won?: boolean;
  error?: string;
  conflicts?: number;
  failed?: string;
}

function nextMessage(worker: Worker): Promise<WorkerAnswer> {
  return new Promise((resolve, reject) => {
    const settle = (answer: WorkerAnswer | Error) => {
      worker.off('message', settle).off('error', settle);
      if (answer instanceof Error) reject(answer);
      else resolve(answer);
    };
    worker.on('message', settle).on('error', settle);
  });
}

async function ask(worker: Worker, task: Record<string, unknown>): Promise<WorkerAnswer> {
  const answer = nextMessage(worker);
  worker.postMessage(task);
  const result = await answer;
  if (result.failed) throw new Error(result.failed);
  return result;
}
