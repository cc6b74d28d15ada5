import {
  excludeSystemEvents,
  type AllStreamResolvedEvent,
  type KurrentDBClient,
} from '@kurrent/kurrentdb-client';
import type { StoredEvent, SubscribeOptions, Subscription } from '../event-store.port';
import { toReadPosition, toStoredEvent } from './kurrentdb-event.mapper';

/**
 * A catch-up subscription to `$all` without system events. Iterating the client's stream with `for await` reads
 * the next event only once the handler has finished with the previous one.
 */
export class KurrentDbSubscription implements Subscription {
  private closed = false;
  private readonly stream;
  readonly finished: Promise<void>;

  constructor(
    client: KurrentDBClient,
    private readonly handler: (event: StoredEvent) => Promise<void> | void,
    private readonly options: SubscribeOptions,
  ) {
    this.stream = client.subscribeToAll({
      fromPosition: toReadPosition(options.after),
      filter: excludeSystemEvents(),
    });
    this.finished = this.run();
  }

  async close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      await this.stream.unsubscribe().catch(() => undefined);
    }
    await this.finished;
  }

  private async run(): Promise<void> {
    const after = this.options.after;
    let handling = false;
    try {
      for await (const resolved of this.stream as AsyncIterable<AllStreamResolvedEvent>) {
        if (this.closed) break;
        const event = toStoredEvent(resolved);
        // The server starts after `fromPosition`, but the port promises it, so it is checked here too.
        if (!event || (after !== undefined && event.position <= after)) continue;
        handling = true;
        await this.handler(event);
        handling = false;
      }
      if (!this.closed) throw new Error('KurrentDB ended the subscription to $all.');
    } catch (error) {
      // Once closed, the stream's own errors are those of its cancellation; a handler's still count.
      if (handling || !this.closed) this.report(error instanceof Error ? error : new Error(String(error)));
    } finally {
      if (!this.closed) {
        this.closed = true;
        await this.stream.unsubscribe().catch(() => undefined);
      }
    }
  }

  private report(error: Error): void {
    try {
      if (!this.options.onError) throw error;
      this.options.onError(error);
    } catch (unreported) {
      console.error('Event store subscription stopped:', unreported);
    }
  }
}
