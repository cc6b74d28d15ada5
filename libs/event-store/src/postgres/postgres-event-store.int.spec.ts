import { chainEvents, eventHash } from '@actionledger/audit';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { describeEventStoreContract } from '../event-store.contract';
import {
  EventIdConflictError,
  type EventMetadata,
  type NewEvent,
  type StoredEvent,
} from '../event-store.port';
import { eventually, sleep } from '../eventually';
import { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store';
import { createTemporaryDatabase, withAdmin, type TemporaryDatabase } from './testing/temporary-database';

const databases: TemporaryDatabase[] = [];
let shared: TemporaryDatabase | undefined;
async function sharedUrl(): Promise<string> {
  shared ??= await newDatabase();
  return shared.url;
}
async function newDatabase(): Promise<TemporaryDatabase> {
  const database = await createTemporaryDatabase();
  databases.push(database);
  return database;
}
afterAll(async () => {
  await Promise.all(databases.map((database) => database.drop()));
});

describeEventStoreContract(
  'PostgresEventStore on a database of its own',
  async () => new PostgresEventStore(await sharedUrl(), { pollIntervalMs: 200 }),
);

describe('PostgresEventStore', () => {
  const open: PostgresEventStore[] = [];
  async function openStore(options: PostgresEventStoreOptions = {}, url?: string) {
    const store = new PostgresEventStore(url ?? (await sharedUrl()), options);
    open.push(store);
    return store;
  }
  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()));
  });

  describe('the schema', () => {
    it('is created by numbered migrations at first use, once, even by stores starting together', async () => {
      const { url } = await newDatabase();
      const stores = await Promise.all([1, 2, 3].map(() => openStore({}, url)));
      await Promise.all(stores.map((store) => store.ready()));
      const applied = await query<{ version: number; applied_at: Date }>(
        url,
        'SELECT version, applied_at FROM event_store_migrations ORDER BY version',
      );
      expect(applied.map((row) => row.version)).toEqual([1, 2]);
      await (await openStore({}, url)).ready();
      expect(
        await query(url, 'SELECT version, applied_at FROM event_store_migrations ORDER BY version'),
      ).toEqual(applied);
    });

    it('refuses a database migrated by a newer version, saying so, and reports itself down', async () => {
      const { url } = await newDatabase();
      await (await openStore({}, url)).ready();
      await query(url, `INSERT INTO event_store_migrations (version, name) VALUES (99, 'from the future')`);
      const store = await openStore({}, url);
      await expect(store.ready()).rejects.toThrow(
        /schema is at version 99, newer than this ActionLedger knows \(2\)/,
      );
      await expect(store.append(streamId(), [newEvent()], 'no_stream')).rejects.toThrow(/version 99/);
      expect(await store.health()).toMatchObject({ status: 'down', adapter: 'postgres' });
    });

    it('cannot hold two events at one revision of a stream, whoever writes them', async () => {
      const store = await openStore();
      const stream = streamId();
      await store.append(stream, [newEvent()], 'no_stream');
      await expect(
        query(
          await sharedUrl(),
          `INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at)
           VALUES ($1, $2, 0, 'Sneaky', '{}', '{}', now())`,
          [randomUUID(), stream],
        ),
      ).rejects.toThrow(/events_stream_revision_key/);
    });
  });

  describe('deduplication by event id', () => {
    it('refuses a batch that mixes stored and new events, and appends none of it', async () => {
      const store = await openStore();
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
      const store = await openStore();
      const event = newEvent();
      await store.append(streamId(), [event], 'no_stream');
      const other = streamId();
      await expect(store.append(other, [event], 'no_stream')).rejects.toThrow(EventIdConflictError);
      expect(await store.readStream(other)).toEqual([]);
    });

    it('stores one copy of an append retried while the first try is still in the same group commit', async () => {
      const store = await openStore();
      const stream = streamId();
      const events = [newEvent(), newEvent()];
      const [first, retry] = await Promise.all([
        store.append(stream, events, 'no_stream'),
        store.append(stream, events, 'no_stream'),
      ]);
      expect(retry).toEqual(first);
      expect(await store.readStream(stream)).toHaveLength(2);
    });
  });

  describe('data and metadata', () => {
    it('come back exactly as written, so the audit hash recomputed from a stored event still matches', async () => {
      const store = await openStore();
      const stream = streamId();
      const awkward = {
        numbers: [0.1, 1e21, 5e-324, 2 ** 53, -1.5e-7, 123456789.12345679, 0, -2],
        strings: [
          '',
          'nul \u0000 byte',
          'lone \ud800 surrogate',
          'émoji 🏫',
          'quote " and \\ backslash',
          '\n\t',
        ],
        nested: { z: 1, a: { b: [null, true, false] } },
      };
      const chained = chainEvents<EventMetadata, NewEvent>(stream, 0, null, [
        { ...newEvent(), data: awkward },
        { ...newEvent(), data: { note: 'second' } },
      ]);
      await store.append(stream, chained, 'no_stream');
      const stored = await store.readStream(stream);
      expect(stored.map((event) => event.data)).toEqual(chained.map((event) => event.data));
      expect(stored.map((event) => event.metadata)).toEqual(chained.map((event) => event.metadata));
      expect(JSON.stringify(stored[0].data)).toBe(JSON.stringify(chained[0].data));
      for (const event of stored) expect(eventHash(event)).toBe(event.metadata.hash);
      expect(stored[1].metadata.previousHash).toBe(stored[0].metadata.hash);
    });
  });

  describe('the global position', () => {
    it('is drawn only once the append before it has committed, so commits cannot land out of order', async () => {
      const url = await sharedUrl();
      const [store, observer] = [await openStore(), await openStore({ pollIntervalMs: 20 })];
      const { position: start } = await store.append(streamId(), [newEvent()], 'no_stream');
      const seen: StoredEvent[] = [];
      const subscription = observer.subscribeToAll((event) => void seen.push(event), { after: start });
      const slow = new Client({ connectionString: url });
      await slow.connect();
      try {
        const [slowStream, fastStream] = [streamId(), streamId()];
        await slow.query('BEGIN');
        await slow.query(
          `SELECT * FROM event_store_append('{1}', '{1}', $1, '{-1}', '{1}', '{1}', $2, '{Slow}', '{"{}"}', '{"{}"}', now())`,
          [[slowStream], [randomUUID()]],
        );
        let fastDone = false;
        const fast = store.append(fastStream, [newEvent()], 'no_stream').then((result) => {
          fastDone = true;
          return result;
        });
        await sleep(300);
        expect(fastDone).toBe(false);
        expect(seen).toEqual([]);
        await slow.query('COMMIT');
        const { position: fastPosition } = await fast;
        await eventually(() => expect(seen.map((event) => event.streamId)).toEqual([slowStream, fastStream]));
        expect(seen[0].position).toBeLessThan(fastPosition);
      } finally {
        await slow.end();
        await subscription.close();
      }
    });

    it('lets a live subscriber see every event of many concurrent writers exactly once, in order', async () => {
      const writers = await Promise.all([1, 2, 3, 4].map(() => openStore({ poolSize: 4 })));
      const subscriber = await openStore({ pollIntervalMs: 50 });
      const { position: start } = await writers[0].append(streamId(), [newEvent()], 'no_stream');
      const received: StoredEvent[] = [];
      const subscription = subscriber.subscribeToAll(
        async (event) => {
          received.push(event);
          if (received.length % 50 === 0) await sleep(5); // a slow projection, now and then
        },
        { after: start },
      );
      const written: string[] = [];
      const appendLoop = async (writer: PostgresEventStore, loop: number) => {
        const [own, pair] = [streamId(), streamId()];
        for (let revision = 0; revision < 20; revision++) {
          const events = [newEvent(), ...(loop % 3 === 0 ? [newEvent()] : [])];
          const expected = revision === 0 ? 'no_stream' : revision * events.length - 1;
          if (loop % 4 === 1) {
            const other = newEvent();
            await writer.appendToStreams([
              { streamId: own, events: [events[0]], expected: revision === 0 ? 'no_stream' : revision - 1 },
              { streamId: pair, events: [other], expected: revision === 0 ? 'no_stream' : revision - 1 },
            ]);
            written.push(events[0].id, other.id);
          } else {
            await writer.append(own, events, expected);
            written.push(...events.map((event) => event.id));
          }
        }
      };
      try {
        await Promise.all(
          writers.flatMap((writer) => [0, 1, 2, 3, 4, 5].map((loop) => appendLoop(writer, loop))),
        );
        await eventually(() => expect(received.length).toBeGreaterThanOrEqual(written.length), 20_000);
        await sleep(300);
        const ids = received.map((event) => event.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.length).toBe(written.length);
        expect(new Set(ids)).toEqual(new Set(written));
        expect(
          received.every((event, index) => index === 0 || event.position > received[index - 1].position),
        ).toBe(true);
      } finally {
        await subscription.close();
      }
    }, 60_000);
  });

  describe('a dropped connection', () => {
    it('is reconnected: the live subscription resumes from its checkpoint, woken by NOTIFY again', async () => {
      const applicationName = `actionledger-test-${randomUUID()}`;
      // Polling once a minute: within the test, only a notification can wake the subscription.
      const store = await openStore({ applicationName, pollIntervalMs: 60_000, reconnectDelayMs: 50 });
      const writer = await openStore();
      const stream = streamId();
      const { position: start } = await writer.append(stream, [newEvent()], 'no_stream');
      const received: string[] = [];
      const subscription = store.subscribeToAll((event) => void received.push(event.id), { after: start });
      const events = [newEvent(), newEvent(), newEvent()];
      try {
        await store.listening();
        await writer.append(stream, [events[0]], 0);
        await eventually(() => expect(received).toEqual([events[0].id]));

        const killed = await terminateBackends(applicationName);
        expect(killed.length).toBeGreaterThanOrEqual(2); // the pool's connection and the LISTEN connection
        await writer.append(stream, [events[1]], 1); // while no one listens
        await eventually(() => expect(received).toEqual([events[0].id, events[1].id]), 5000);

        let listeners = await backends(`${applicationName}-listen`);
        for (let tries = 0; tries < 100 && listeners.length === 0; tries++) {
          await sleep(50);
          listeners = await backends(`${applicationName}-listen`);
        }
        expect(listeners).toHaveLength(1);
        expect(killed).not.toContain(listeners[0]);
        await writer.append(stream, [events[2]], 2);
        await eventually(() => expect(received).toEqual(events.map((event) => event.id)), 3000);
        expect((await store.append(stream, [newEvent()], 3)).nextExpectedRevision).toBe(4);
      } finally {
        await subscription.close();
      }
    }, 20_000);
  });
});

async function query<Row extends object = Record<string, unknown>>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<Row[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as Row[];
  } finally {
    await client.end();
  }
}

async function backends(applicationName: string): Promise<number[]> {
  return withAdmin(async (client) => {
    const { rows } = await client.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE application_name = $1',
      [applicationName],
    );
    return rows.map((row) => row.pid);
  });
}

async function terminateBackends(applicationPrefix: string): Promise<number[]> {
  return withAdmin(async (client) => {
    const { rows } = await client.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE application_name LIKE $1 || '%' AND pg_terminate_backend(pid)`,
      [applicationPrefix],
    );
    return rows.map((row) => row.pid);
  });
}

function streamId(): string {
  return `postgres-${randomUUID()}`;
}

function newEvent(): NewEvent {
  return {
    id: randomUUID(),
    type: 'ActionPlanned',
    data: { actionId: randomUUID() },
    metadata: {
      actor: { userId: 'u-lead', role: 'lead', organisationId: 'org-durham' },
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: '2026-11-02T09:00:00.000Z',
    },
  };
}
