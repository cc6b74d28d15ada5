import type { StoredEvent, SubscribeOptions, Subscription } from '../event-store.port';
import { isConnectionError } from './postgres-connection-errors';

/** What a subscription needs from the store: pages of the log, and a signal when any process appends. */
export interface PostgresSubscriptionSource {
  readPage(after: bigint, limit: number): Promise<StoredEvent[]>;
  /** Calls `listener` after appends (and after the notification connection comes back); returns the way to stop. */
  onAppended(listener: () => void): () => void;
}

export interface PostgresSubscriptionSettings {
  /** How often to read the log when no notification came (a lost LISTEN connection, a dropped NOTIFY). */
  pollIntervalMs: number;
  pageSize: number;
  /** First wait after a lost connection before reading again; doubles up to `maxRetryDelayMs`. */
  retryDelayMs: number;
  maxRetryDelayMs: number;
}

/**
 * Catch-up then live delivery over the log. One loop owns the cursor, so each event is delivered once and in
 * order. A read that fails because the connection was lost is retried from the cursor; a handler error, or any
 * other read error, stops the subscription and goes to `onError`.
 */
export class PostgresSubscription implements Subscription {
  private closed = false;
  /** Set by a notification, so one that arrives while a page is being delivered is not slept through. */
  private appended = false;
  private wake: (() => void) | undefined;
  readonly finished: Promise<void>;

  constructor(
    private readonly source: PostgresSubscriptionSource,
    private readonly handler: (event: StoredEvent) => Promise<void> | void,
    private readonly options: SubscribeOptions,
    private readonly settings: PostgresSubscriptionSettings,
  ) {
    this.finished = this.run(options.after ?? 0n);
  }

  close(): Promise<void> {
    this.closed = true;
    this.wake?.();
    return this.finished;
  }

  private async run(after: bigint): Promise<void> {
    const stopListening = this.source.onAppended(() => {
      this.appended = true;
      this.wake?.();
    });
    let cursor = after;
    let retryDelayMs = this.settings.retryDelayMs;
    try {
      // The first handler call must come after `subscribeToAll` has returned the subscription to its caller.
      await Promise.resolve();
      while (!this.closed) {
        this.appended = false;
        let page: StoredEvent[];
        try {
          page = await this.source.readPage(cursor, this.settings.pageSize);
          retryDelayMs = this.settings.retryDelayMs;
        } catch (error) {
          if (!isConnectionError(error)) throw error;
          await this.sleep(retryDelayMs);
          retryDelayMs = Math.min(retryDelayMs * 2, this.settings.maxRetryDelayMs);
          continue;
        }
        for (const event of page) {
          if (this.closed) return;
          await this.handler(event);
          cursor = event.position;
        }
        if (page.length === this.settings.pageSize) {
          await new Promise((resolve) => setImmediate(resolve));
        } else if (!this.appended) {
          await this.sleep(this.settings.pollIntervalMs);
        }
      }
    } catch (error) {
      this.closed = true;
      this.report(error instanceof Error ? error : new Error(String(error)));
    } finally {
      stopListening();
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wake?.(), ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
    });
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
