import {
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AppendResult,
  type KurrentDBClient,
  type ReadAllOptions,
} from '@kurrent/kurrentdb-client';
import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { WrongExpectedRevisionError, type NewEvent } from '../event-store.port';
import { KurrentDbEventStore } from './kurrentdb-event-store';

/**
 * What the adapter makes of the client's answers, with a stand-in client: the same behaviour against a real
 * server is covered by the contract suite when EVENTSTORE_CONNECTION_STRING is set.
 */
describe('KurrentDbEventStore, given what the client answers', () => {
  const metadata = {
    actor: { userId: 'u-1', role: 'lead' },
    correlationId: 'c-1',
    causationId: 'c-0',
    occurredAt: '',
  };
  const newEvent = (): NewEvent => ({ id: randomUUID(), type: 'ActionPlanned', data: { n: 1 }, metadata });

  function recorded(streamId: string, revision: number, position: bigint, type = 'ActionPlanned') {
    return {
      event: {
        streamId,
        id: randomUUID(),
        isJson: true,
        revision: BigInt(revision),
        type,
        created: new Date('2026-11-02T09:00:00.000Z'),
        data: { n: revision },
        metadata,
        position: { commit: position, prepare: position },
      },
    } as AllStreamResolvedEvent;
  }

  async function* yieldAll<T>(items: T[], error?: Error): AsyncIterableIterator<T> {
    for (const item of items) yield item;
    if (error) throw error;
  }

  function storeWith(client: Partial<KurrentDBClient>): KurrentDbEventStore {
    return new KurrentDbEventStore({ dispose: async () => {}, ...client } as KurrentDBClient);
  }

  it('sends expected revisions as the client spells them', async () => {
    const appendToStream = jest.fn(async (): Promise<AppendResult> => ({
      success: true,
      nextExpectedRevision: 3n,
      position: { commit: 42n, prepare: 42n },
    }));
    const store = storeWith({ appendToStream } as Partial<KurrentDBClient>);
    await store.append('s-1', [newEvent()], 'no_stream');
    await store.append('s-1', [newEvent()], 'any');
    expect(await store.append('s-1', [newEvent()], 2)).toEqual({ nextExpectedRevision: 3, position: 42n });
    expect(
      appendToStream.mock.calls.map((call: unknown[]) => (call[2] as { streamState: unknown }).streamState),
    ).toEqual(['no_stream', 'any', 2n]);
  });

  it('turns WrongExpectedVersionError into WrongExpectedRevisionError', async () => {
    const conflict = new WrongExpectedVersionError(undefined, {
      streamName: 's-1',
      expected: 1n,
      current: 4n,
    });
    const store = storeWith({ appendToStream: jest.fn().mockRejectedValue(conflict) });
    const refused = store.append('s-1', [newEvent()], 1);
    await expect(refused).rejects.toThrow(WrongExpectedRevisionError);
    await expect(refused).rejects.toMatchObject({ streamId: 's-1', expected: 1, actual: 4 });
  });

  it('rejects data JSON cannot hold before sending anything', async () => {
    const appendToStream = jest.fn();
    const store = storeWith({ appendToStream });
    await expect(store.append('s-1', [{ ...newEvent(), data: { amount: 1n } }], 'any')).rejects.toThrow(
      TypeError,
    );
    expect(appendToStream).not.toHaveBeenCalled();
  });

  it('looks up the position of a deduplicated batch, which the server does not report', async () => {
    const readStream = jest.fn(() => yieldAll([recorded('s-1', 1, 77n)]));
    const store = storeWith({
      appendToStream: jest.fn().mockResolvedValue({ success: true, nextExpectedRevision: 1n }),
      readStream,
    } as Partial<KurrentDBClient>);
    expect(await store.append('s-1', [newEvent()], 0)).toEqual({ nextExpectedRevision: 1, position: 77n });
    expect(readStream).toHaveBeenCalledWith('s-1', { fromRevision: 1n, maxCount: 1 });
  });

  it('reads a missing stream as []', async () => {
    const store = storeWith({
      readStream: jest.fn(() => yieldAll([], new StreamNotFoundError(undefined, 's-404'))),
    } as Partial<KurrentDBClient>);
    expect(await store.readStream('s-404')).toEqual([]);
  });

  it('reads all strictly after the position, without system events, up to the limit', async () => {
    const readAll = jest.fn((_options?: ReadAllOptions) =>
      yieldAll([
        recorded('s-1', 0, 10n),
        recorded('$stats-1', 0, 11n, '$statsCollected'),
        recorded('s-2', 0, 12n),
        recorded('s-1', 1, 13n),
        recorded('s-1', 2, 14n),
      ]),
    );
    const store = storeWith({ readAll } as Partial<KurrentDBClient>);
    const events = await store.readAll({ after: 10n, limit: 2 });
    expect(events.map((event) => [event.streamId, event.revision, event.position])).toEqual([
      ['s-2', 0, 12n],
      ['s-1', 1, 13n],
    ]);
    expect(readAll.mock.calls[0][0]).toMatchObject({
      fromPosition: { commit: 10n, prepare: 10n },
      maxCount: 3,
    });
  });

  describe('subscribeToAll', () => {
    function liveStream() {
      const stream = new PassThrough({ objectMode: true });
      return Object.assign(stream, { unsubscribe: jest.fn(async () => void stream.end()) });
    }

    it('delivers events after the position, one handler call at a time, and stops when closed', async () => {
      const stream = liveStream();
      const store = storeWith({ subscribeToAll: jest.fn(() => stream) } as Partial<KurrentDBClient>);
      const delivered: bigint[] = [];
      let inFlight = 0;
      const subscription = store.subscribeToAll(
        async (event) => {
          expect(inFlight++).toBe(0);
          await new Promise((resolve) => setTimeout(resolve, 5));
          delivered.push(event.position);
          inFlight--;
        },
        { after: 10n },
      );
      for (const [position, type] of [[10n], [11n, '$metadata'], [12n], [13n]] as const) {
        stream.write(recorded('s-1', 0, position, type));
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      await subscription.close();
      stream.write(recorded('s-1', 1, 14n));
      expect(delivered).toEqual([12n, 13n]);
      expect(stream.unsubscribe).toHaveBeenCalled();
    });

    it('reports a handler error, or the server ending the subscription, to onError', async () => {
      const [failing, ended] = [liveStream(), liveStream()];
      const subscribeToAll = jest.fn().mockReturnValueOnce(failing).mockReturnValueOnce(ended);
      const store = storeWith({ subscribeToAll } as Partial<KurrentDBClient>);
      const errors: string[] = [];
      const onError = (error: Error) => errors.push(error.message);
      store.subscribeToAll(
        () => {
          throw new Error('projection failed');
        },
        { onError },
      );
      store.subscribeToAll(() => {}, { onError });
      failing.write(recorded('s-1', 0, 12n));
      ended.end();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(errors.sort()).toEqual(['KurrentDB ended the subscription to $all.', 'projection failed']);
    });
  });
});
