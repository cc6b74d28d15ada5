import type { StoredEvent, SubscribeOptions, Subscription } from './event-store.port';

/** What a subscription needs from the store: pages of the log, and a signal when an append is seen. */
export interface SubscriptionSource {
  readPage(after: bigint, limit: number): Promise<StoredEvent[]> | StoredEvent[];
  /** Calls `listener` after appends the store hears of; returns the way to stop. */
  onAppended(listener: () => void): () => void;
}

export interface SubscriptionSettings {
  /** How often to read the log when no append was heard of (one by another process, a lost notification). */
  pollIntervalMs: number;
  pageSize: number;
  /** For stores over a network: which read errors are passing, and how long to wait before reading again. */
  retry?: { isTransient(error: unknown): boolean; delayMs: number; maxDelayMs: number };
}

/**
 * Catch-up then live delivery over the log, for every adapter that reads its log in pages (SQLite, PostgreSQL).
 * One loop owns the cursor, so each event is delivered once and in order. A transient read error is retried
 * from the cursor, waiting longer each time; a handler error, or any other read error, stops the subscription
 * and goes to `onError`.
 */
export class PollingSubscription implements Subscription {
  private closed = false;
  /** Set by a notification, so one that arrives while a page is being delivered is not slept through. */
  private appended = false;
  private wake: (() => void) | undefined;
  readonly finished: Promise<void>;

  constructor(
    private readonly source: SubscriptionSource,
    private readonly handler: (event: StoredEvent) => Promise<void> | void,
    private readonly options: SubscribeOptions,
    private readonly settings: SubscriptionSettings,
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
    const { retry } = this.settings;
    let retryDelayMs = retry?.delayMs ?? 0;
    try {
      // The first handler call must come after `subscribeToAll` has returned the subscription to its caller.
      await Promise.resolve();
      while (!this.closed) {
        this.appended = false;
        let page: StoredEvent[];
        try {
          page = await this.source.readPage(cursor, this.settings.pageSize);
          retryDelayMs = retry?.delayMs ?? 0;
        } catch (error) {
          if (!retry?.isTransient(error)) throw error;
          await this.sleep(retryDelayMs);
          retryDelayMs = Math.min(retryDelayMs * 2, retry.maxDelayMs);
          continue;
        }
        for (const event of page) {
          if (this.closed) return;
          await this.handler(event);
          cursor = event.position;
        }
        if (page.length === this.settings.pageSize) {
          // A long catch-up must not starve timers and I/O of the rest of the process.
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
