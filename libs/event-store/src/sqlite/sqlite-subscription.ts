import type { StoredEvent, SubscribeOptions, Subscription } from '../event-store.port';

/** What a subscription needs from the store: pages of the log, and a signal when this process appends. */
export interface SqliteSubscriptionSource {
  readPage(after: bigint, limit: number): StoredEvent[];
  /** Calls `listener` after each append committed by this store instance; returns the way to stop. */
  onAppended(listener: () => void): () => void;
}

export interface SqliteSubscriptionSettings {
  /** How often to look for events written by other connections (another process, a CLI). */
  pollIntervalMs: number;
  pageSize: number;
}

/**
 * Catch-up then live delivery over the log. One loop owns the cursor, so each event is delivered once and in
 * order; appends from this process wake it at once, appends from elsewhere are seen by polling.
 */
export class SqliteSubscription implements Subscription {
  private closed = false;
  /** Set by an append notification, so one that arrives while a page is being delivered is not slept through. */
  private appended = false;
  private wake: (() => void) | undefined;
  readonly finished: Promise<void>;

  constructor(
    private readonly source: SqliteSubscriptionSource,
    private readonly handler: (event: StoredEvent) => Promise<void> | void,
    private readonly options: SubscribeOptions,
    private readonly settings: SqliteSubscriptionSettings,
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
    try {
      // The first handler call must come after `subscribeToAll` has returned the subscription to its caller.
      await Promise.resolve();
      while (!this.closed) {
        this.appended = false;
        const page = this.source.readPage(cursor, this.settings.pageSize);
        for (const event of page) {
          if (this.closed) return;
          await this.handler(event);
          cursor = event.position;
        }
        if (page.length === this.settings.pageSize) {
          // A long catch-up must not starve timers and I/O of the rest of the process.
          await new Promise((resolve) => setImmediate(resolve));
        } else if (!this.appended) {
          await this.sleep();
        }
      }
    } catch (error) {
      this.closed = true;
      this.report(error instanceof Error ? error : new Error(String(error)));
    } finally {
      stopListening();
    }
  }

  private sleep(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wake?.(), this.settings.pollIntervalMs);
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
