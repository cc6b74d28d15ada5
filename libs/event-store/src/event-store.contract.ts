import { randomUUID } from 'node:crypto';
import {
  WrongExpectedRevisionError,
  type EventStore,
  type NewEvent,
  type StoredEvent,
} from './event-store.port';
import { eventually, sleep } from './eventually';

/**
 * The behaviour every `EventStore` adapter must have, as jest tests. Each test writes to streams of its own
 * (random ids) and reads the log only after a position it wrote, so the suite can run against a shared server.
 *
 * @param makeStore opens a store for one test; the suite closes it after the test.
 * @param cleanup runs once after the whole suite (e.g. removes temp files).
 */
export function describeEventStoreContract(
  name: string,
  makeStore: () => Promise<EventStore>,
  cleanup?: () => Promise<void>,
): void {
  // Looked up only when a test file calls this, so the library can export the contract without loading jest.
  const { describe, it, expect, beforeEach, afterEach, afterAll } =
    globalThis as unknown as typeof import('@jest/globals');

  describe(`${name} keeps the EventStore contract`, () => {
    let store: EventStore;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(() => store.close());
    if (cleanup) afterAll(cleanup);

    describe('append', () => {
      it('starts a new stream with no_stream, at revision 0', async () => {
        const stream = streamId();
        const [first, second] = [newEvent(), newEvent()];
        const result = await store.append(stream, [first, second], 'no_stream');
        expect(result.nextExpectedRevision).toBe(1);
        const stored = await store.readStream(stream);
        expect(stored.map((event) => [event.id, event.revision])).toEqual([
          [first.id, 0],
          [second.id, 1],
        ]);
        expect(stored[1].position).toBe(result.position);
      });

      it('refuses no_stream when the stream exists', async () => {
        const stream = streamId();
        await store.append(stream, [newEvent()], 'no_stream');
        const refused = store.append(stream, [newEvent()], 'no_stream');
        await expect(refused).rejects.toThrow(WrongExpectedRevisionError);
        await expect(refused).rejects.toMatchObject({ streamId: stream, expected: 'no_stream', actual: 0 });
        expect(await store.readStream(stream)).toHaveLength(1);
      });

      it('appends at the exact revision of the last event, and refuses any other', async () => {
        const stream = streamId();
        await store.append(stream, [newEvent(), newEvent()], 'no_stream');
        for (const stale of [0, 2, 7]) {
          const refused = store.append(stream, [newEvent()], stale);
          await expect(refused).rejects.toMatchObject({
            name: 'WrongExpectedRevisionError',
            expected: stale,
            actual: 1,
          });
        }
        const missing = store.append(streamId(), [newEvent()], 0);
        await expect(missing).rejects.toMatchObject({
          name: 'WrongExpectedRevisionError',
          actual: 'no_stream',
        });
        expect((await store.append(stream, [newEvent()], 1)).nextExpectedRevision).toBe(2);
      });

      it('appends with any to a new or an existing stream', async () => {
        const stream = streamId();
        expect((await store.append(stream, [newEvent()], 'any')).nextExpectedRevision).toBe(0);
        expect((await store.append(stream, [newEvent(), newEvent()], 'any')).nextExpectedRevision).toBe(2);
      });

      it('numbers a stream 0..n across appends', async () => {
        const stream = streamId();
        let expected = (await store.append(stream, [newEvent()], 'no_stream')).nextExpectedRevision;
        for (const size of [2, 1, 3]) {
          const events = Array.from({ length: size }, () => newEvent());
          expected = (await store.append(stream, events, expected)).nextExpectedRevision;
        }
        expect((await store.readStream(stream)).map((event) => event.revision)).toEqual([
          0, 1, 2, 3, 4, 5, 6,
        ]);
      });

      it('gives strictly increasing positions across streams, in append order', async () => {
        const [a, b] = [streamId(), streamId()];
        const { position: start } = await store.append(streamId(), [newEvent()], 'no_stream');
        const positions: bigint[] = [];
        for (const [stream, expected] of [
          [a, 'no_stream'],
          [b, 'no_stream'],
          [a, 1],
          [b, 1],
        ] as const) {
          positions.push((await store.append(stream, [newEvent(), newEvent()], expected)).position);
        }
        expect([...positions].sort(compareBigInt)).toEqual(positions);
        expect(new Set(positions).size).toBe(positions.length);
        const log = (await store.readAll({ after: start })).filter((event) =>
          [a, b].includes(event.streamId),
        );
        expect(log.map((event) => event.streamId)).toEqual([a, a, b, b, a, a, b, b]);
        expect(isStrictlyIncreasing(log.map((event) => event.position))).toBe(true);
        expect(log.filter((_, index) => index % 2 === 1).map((event) => event.position)).toEqual(positions);
      });

      it('appends a batch all or nothing', async () => {
        const stream = streamId();
        await store.append(stream, [newEvent()], 'no_stream');
        await expect(store.append(stream, [newEvent(), newEvent(), newEvent()], 5)).rejects.toThrow(
          WrongExpectedRevisionError,
        );
        const unserialisable = { ...newEvent(), data: { amount: 1n } };
        await expect(store.append(stream, [newEvent(), unserialisable, newEvent()], 0)).rejects.toThrow();
        expect(await store.readStream(stream)).toHaveLength(1);
      });

      it('refuses an empty batch and ids that are not UUIDs', async () => {
        await expect(store.append(streamId(), [], 'any')).rejects.toThrow(TypeError);
        await expect(store.append(streamId(), [{ ...newEvent(), id: 'retry-1' }], 'any')).rejects.toThrow(
          TypeError,
        );
      });

      it('lets exactly one of 20 concurrent appends at the same revision win', async () => {
        const stream = streamId();
        await store.append(stream, [newEvent()], 'no_stream');
        const attempts = await Promise.allSettled(
          Array.from({ length: 20 }, () => store.append(stream, [newEvent()], 0)),
        );
        expect(attempts.filter((attempt) => attempt.status === 'fulfilled')).toHaveLength(1);
        const refusals = attempts.flatMap((attempt) =>
          attempt.status === 'rejected' ? [attempt.reason] : [],
        );
        expect(refusals).toHaveLength(19);
        for (const refusal of refusals) expect(refusal).toBeInstanceOf(WrongExpectedRevisionError);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('lets exactly one of 20 concurrent no_stream appends create the stream', async () => {
        const stream = streamId();
        const attempts = await Promise.allSettled(
          Array.from({ length: 20 }, () => store.append(stream, [newEvent()], 'no_stream')),
        );
        expect(attempts.filter((attempt) => attempt.status === 'fulfilled')).toHaveLength(1);
        expect(await store.readStream(stream)).toHaveLength(1);
      });
    });

    describe('appendToStreams', () => {
      it('writes to several streams at once, each at its own revision', async () => {
        const [existing, fresh] = [streamId(), streamId()];
        await store.append(existing, [newEvent()], 'no_stream');
        const results = await store.appendToStreams([
          { streamId: existing, events: [newEvent()], expected: 0 },
          { streamId: fresh, events: [newEvent(), newEvent()], expected: 'no_stream' },
        ]);
        expect(results.map((result) => result.nextExpectedRevision)).toEqual([1, 1]);
        expect((await store.readStream(existing)).map((event) => event.revision)).toEqual([0, 1]);
        expect((await store.readStream(fresh)).map((event) => event.revision)).toEqual([0, 1]);
      });

      it('writes nothing at all when one stream is not at its expected revision', async () => {
        const [first, stale] = [streamId(), streamId()];
        await store.append(stale, [newEvent()], 'no_stream');
        const refused = store.appendToStreams([
          { streamId: first, events: [newEvent()], expected: 'no_stream' },
          { streamId: stale, events: [newEvent()], expected: 'no_stream' },
        ]);
        await expect(refused).rejects.toThrow(WrongExpectedRevisionError);
        await expect(refused).rejects.toMatchObject({ streamId: stale, actual: 0 });
        expect(await store.readStream(first)).toEqual([]);
        expect(await store.readStream(stale)).toHaveLength(1);
      });

      it('appends nothing for a retried multi-stream write', async () => {
        const writes = [
          { streamId: streamId(), events: [newEvent()], expected: 'no_stream' as const },
          { streamId: streamId(), events: [newEvent(), newEvent()], expected: 'no_stream' as const },
        ];
        const first = await store.appendToStreams(writes);
        const retried = await store.appendToStreams(writes);
        expect(retried.map((result) => result.nextExpectedRevision)).toEqual(
          first.map((result) => result.nextExpectedRevision),
        );
        expect(await store.readStream(writes[1].streamId)).toHaveLength(2);
      });

      it('refuses the same stream twice in one write', async () => {
        const stream = streamId();
        await expect(
          store.appendToStreams([
            { streamId: stream, events: [newEvent()], expected: 'no_stream' },
            { streamId: stream, events: [newEvent()], expected: 0 },
          ]),
        ).rejects.toThrow(TypeError);
        expect(await store.readStream(stream)).toEqual([]);
      });
    });

    describe('deduplication by event id', () => {
      it('appends nothing for a retried append and answers as the first time', async () => {
        const stream = streamId();
        const events = [newEvent(), newEvent()];
        const first = await store.append(stream, events, 'no_stream');
        const retried = await store.append(stream, events, 'no_stream');
        expect(retried).toEqual(first);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('appends nothing for a retry that arrives after the stream moved on', async () => {
        const stream = streamId();
        await store.append(stream, [newEvent()], 'no_stream');
        const events = [newEvent()];
        const first = await store.append(stream, events, 0);
        await store.append(stream, [newEvent()], 1);
        expect(await store.append(stream, events, 0)).toEqual(first);
        expect((await store.readStream(stream)).map((event) => event.revision)).toEqual([0, 1, 2]);
      });
    });

    describe('reading', () => {
      it('reads a stream from a given revision', async () => {
        const stream = streamId();
        const events = [newEvent(), newEvent(), newEvent()];
        await store.append(stream, events, 'no_stream');
        const tail = await store.readStream(stream, { fromRevision: 1 });
        expect(tail.map((event) => [event.id, event.revision])).toEqual([
          [events[1].id, 1],
          [events[2].id, 2],
        ]);
        expect(await store.readStream(stream, { fromRevision: 3 })).toEqual([]);
        await expect(store.readStream(stream, { fromRevision: -1 })).rejects.toThrow(TypeError);
      });

      it('reads a stream that does not exist as []', async () => {
        expect(await store.readStream(streamId())).toEqual([]);
      });

      it('round-trips data and metadata', async () => {
        const stream = streamId();
        const event = newEvent({
          title: 'Audit contacts',
          dueOn: '2027-01-31',
          owners: ['u-1', 'u-2'],
          done: false,
        });
        event.metadata = {
          ...event.metadata,
          reason: 'Ofsted priority action',
          previousHash: 'ab12',
          hash: 'cd34',
        };
        await store.append(stream, [event], 'no_stream');
        const [stored] = await store.readStream(stream);
        expect(stored).toMatchObject({ id: event.id, type: event.type, streamId: stream, revision: 0 });
        expect(stored.data).toEqual(event.data);
        expect(stored.metadata).toEqual(event.metadata);
        expect(typeof stored.position).toBe('bigint');
        expect(new Date(stored.recordedAt).toISOString()).toBe(stored.recordedAt);
      });

      it('reads all after a position, in log order, up to a limit', async () => {
        const stream = streamId();
        const events = [newEvent(), newEvent(), newEvent(), newEvent()];
        const { position: start } = await store.append(stream, [newEvent()], 'no_stream');
        await store.append(stream, events.slice(0, 2), 0);
        await store.append(streamId(), [newEvent()], 'no_stream');
        await store.append(stream, events.slice(2), 2);
        const page = await store.readAll({ after: start, limit: 2 });
        expect(page.map((event) => event.id)).toEqual([events[0].id, events[1].id]);
        const rest = (await store.readAll({ after: page[1].position })).filter(
          (event) => event.streamId === stream,
        );
        expect(rest.map((event) => event.id)).toEqual([events[2].id, events[3].id]);
        expect(await store.readAll({ after: start, limit: 0 })).toEqual([]);
      });
    });

    describe('subscribeToAll', () => {
      it('catches up from a position, then delivers live, in order, each event once', async () => {
        const [a, b] = [streamId(), streamId()];
        const { position: start } = await store.append(a, [newEvent()], 'no_stream');
        const early = [newEvent(), newEvent()];
        await store.append(a, [early[0]], 0);
        await store.append(b, [early[1]], 'no_stream');
        const received: StoredEvent[] = [];
        let inFlight = 0;
        let overlapped = false;
        const subscription = store.subscribeToAll(
          async (event) => {
            overlapped ||= inFlight > 0;
            inFlight++;
            await sleep(2);
            if (event.streamId === a || event.streamId === b) received.push(event);
            inFlight--;
          },
          { after: start },
        );
        try {
          await eventually(() => expect(received).toHaveLength(2));
          const live = [newEvent(), newEvent(), newEvent()];
          await store.append(a, [live[0], live[1]], 1);
          await store.append(b, [live[2]], 0);
          await eventually(() => expect(received).toHaveLength(5));
          await sleep(300);
          expect(received.map((event) => event.id)).toEqual([...early, ...live].map((event) => event.id));
          expect(isStrictlyIncreasing(received.map((event) => event.position))).toBe(true);
          expect(overlapped).toBe(false);
        } finally {
          await subscription.close();
        }
      });

      it('stops delivering once closed, and close waits for the handler call in flight', async () => {
        const stream = streamId();
        const { position: start } = await store.append(stream, [newEvent()], 'no_stream');
        await store.append(stream, [newEvent()], 0);
        const seen: string[] = [];
        let release = () => {};
        const gate = new Promise<void>((resolve) => (release = resolve));
        let handlerFinished = false;
        const subscription = store.subscribeToAll(
          async (event) => {
            if (event.streamId !== stream) return;
            seen.push(event.id);
            await gate;
            handlerFinished = true;
          },
          { after: start },
        );
        await eventually(() => expect(seen).toHaveLength(1));
        let closed = false;
        const closing = subscription.close().then(() => (closed = true));
        await sleep(50);
        expect(closed).toBe(false);
        release();
        await closing;
        expect(handlerFinished).toBe(true);
        await store.append(stream, [newEvent()], 1);
        await sleep(500);
        expect(seen).toHaveLength(1);
      });

      it('stops at the first handler error and reports it to onError', async () => {
        const stream = streamId();
        const { position: start } = await store.append(stream, [newEvent()], 'no_stream');
        const events = [newEvent(), newEvent(), newEvent()];
        await store.append(stream, events, 0);
        const seen: string[] = [];
        const failure = new Error('projection failed');
        const errors: Error[] = [];
        const subscription = store.subscribeToAll(
          (event) => {
            if (event.streamId !== stream) return;
            seen.push(event.id);
            if (event.id === events[1].id) throw failure;
          },
          { after: start, onError: (error) => errors.push(error) },
        );
        await eventually(() => expect(errors).toEqual([failure]));
        await store.append(stream, [newEvent()], 3);
        await sleep(500);
        expect(seen).toEqual([events[0].id, events[1].id]);
        await subscription.close();
      });
    });

    it('reports itself healthy', async () => {
      expect(await store.health()).toMatchObject({ status: 'up' });
    });
  });
}

function streamId(): string {
  return `contract-${randomUUID()}`;
}

function newEvent(data: Record<string, unknown> = { actionId: randomUUID() }): NewEvent {
  return {
    id: randomUUID(),
    type: 'ActionPlanned',
    data,
    metadata: {
      actor: { userId: 'u-lead', role: 'lead', organisationId: 'org-durham' },
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: '2026-11-02T09:00:00.000Z',
    },
  };
}

function compareBigInt(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isStrictlyIncreasing(positions: bigint[]): boolean {
  return positions.every((position, index) => index === 0 || position > positions[index - 1]);
}
