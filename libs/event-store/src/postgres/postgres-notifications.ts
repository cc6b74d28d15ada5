import { Client, type ClientConfig } from 'pg';
import { APPENDED_CHANNEL } from './postgres-migrations';

export interface PostgresNotificationsSettings {
  /** First wait before reconnecting a lost listening connection; doubles up to `maxReconnectDelayMs`. */
  reconnectDelayMs: number;
  maxReconnectDelayMs: number;
}

/**
 * One LISTEN connection per store, shared by its live subscriptions: a NOTIFY from any process's append wakes
 * them at once. A lost connection is reconnected with backoff; on every (re)connection the listeners are woken
 * too, since a notification sent while no one was listening is gone (polling covers that gap as well).
 */
export class PostgresNotifications {
  private readonly listeners = new Set<() => void>();
  private client: Client | undefined;
  private connecting: Promise<void> | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private delayMs: number;
  private stopped = true;
  /** Bumped by `stop`, so that a connection begun before it is not kept after it. */
  private generation = 0;

  constructor(
    private readonly clientConfig: ClientConfig,
    private readonly settings: PostgresNotificationsSettings,
  ) {
    this.delayMs = settings.reconnectDelayMs;
  }

  /** Calls `listener` after appends by any process; returns the way to stop. */
  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    if (this.stopped) {
      this.stopped = false;
      this.connect();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) void this.stop();
    };
  }

  /** Resolves once the listening connection is up (for tests and start-up checks). */
  async connected(): Promise<void> {
    while (!this.stopped && !this.client) {
      await (this.connecting ?? new Promise((resolve) => setTimeout(resolve, 10)));
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.generation++;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    await this.connecting?.catch(() => undefined);
    await client?.end().catch(() => undefined);
  }

  private connect(): void {
    const client = new Client(this.clientConfig);
    const generation = this.generation;
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      if (this.client === client) this.client = undefined;
      void client.end().catch(() => undefined);
      if (generation === this.generation) this.scheduleReconnect();
    };
    client.on('error', onLost);
    client.on('end', onLost);
    client.on('notification', () => this.wakeAll());
    this.connecting = (async () => {
      try {
        await client.connect();
        await client.query(`LISTEN ${APPENDED_CHANNEL}`);
        if (generation !== this.generation) {
          lost = true;
          await client.end();
          return;
        }
        this.client = client;
        this.delayMs = this.settings.reconnectDelayMs;
        this.wakeAll();
      } catch {
        onLost();
      } finally {
        this.connecting = undefined;
      }
    })();
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => {
      if (!this.stopped) this.connect();
    }, this.delayMs);
    this.delayMs = Math.min(this.delayMs * 2, this.settings.maxReconnectDelayMs);
  }

  private wakeAll(): void {
    for (const listener of this.listeners) listener();
  }
}
