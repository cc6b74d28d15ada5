import { resolve } from 'node:path';
import type { SqliteSynchronous } from './sqlite/sqlite-event-database';

/** Which event store to open, and where; `createEventStore` takes it. */
export type EventStoreConfig =
  | { adapter: 'sqlite'; filePath: string; synchronous: SqliteSynchronous }
  | { adapter: 'eventstoredb'; connectionString: string }
  | { adapter: 'postgres'; databaseUrl: string };

export class EventStoreConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EventStoreConfigError';
  }
}

const CONNECTION_STRING = /^(kurrentdb|kurrent|kdb|esdb)(\+discover)?:\/\/\S+$/;
const DATABASE_URL = /^postgres(ql)?:\/\/\S+$/;

/**
 * Reads `EVENT_STORE` (`sqlite`, the default, `postgres` or `eventstoredb`), `DATA_DIR` (default `./data`; the
 * log is `events.db` in it), `SQLITE_SYNCHRONOUS` (`FULL`, the default, or `NORMAL`), `DATABASE_URL` and
 * `EVENTSTORE_CONNECTION_STRING`.
 */
export function eventStoreConfigFromEnv(env: NodeJS.ProcessEnv = process.env): EventStoreConfig {
  const adapter = (env.EVENT_STORE?.trim() || 'sqlite').toLowerCase();
  if (adapter === 'sqlite') {
    const synchronous = (env.SQLITE_SYNCHRONOUS?.trim() || 'FULL').toUpperCase();
    if (synchronous !== 'FULL' && synchronous !== 'NORMAL') {
      throw new EventStoreConfigError(
        `SQLITE_SYNCHRONOUS must be FULL (the default: an acknowledged write survives a power cut) or NORMAL ` +
          `(faster; a power cut may lose the last writes), not "${env.SQLITE_SYNCHRONOUS}".`,
      );
    }
    const dataDir = env.DATA_DIR?.trim() || './data';
    return { adapter, filePath: resolve(dataDir, 'events.db'), synchronous };
  }
  if (adapter === 'eventstoredb') {
    const connectionString = env.EVENTSTORE_CONNECTION_STRING?.trim();
    if (!connectionString) {
      throw new EventStoreConfigError(
        'EVENT_STORE=eventstoredb needs EVENTSTORE_CONNECTION_STRING, e.g. kurrentdb://localhost:2113?tls=false.',
      );
    }
    if (!CONNECTION_STRING.test(connectionString)) {
      throw new EventStoreConfigError(
        'EVENTSTORE_CONNECTION_STRING must start with kurrentdb://, kurrent://, kdb:// or esdb:// (or their ' +
          `+discover forms, e.g. kurrentdb+discover://), not "${connectionString}".`,
      );
    }
    return { adapter, connectionString };
  }
  if (adapter === 'postgres' || adapter === 'postgresql') {
    const databaseUrl = env.DATABASE_URL?.trim();
    if (!databaseUrl) {
      throw new EventStoreConfigError(
        'EVENT_STORE=postgres needs DATABASE_URL, e.g. postgres://actionledger@127.0.0.1:5432/actionledger.',
      );
    }
    if (!DATABASE_URL.test(databaseUrl)) {
      throw new EventStoreConfigError(
        `DATABASE_URL must start with postgres:// or postgresql://, not "${databaseUrl}".`,
      );
    }
    return { adapter: 'postgres', databaseUrl };
  }
  throw new EventStoreConfigError(
    `EVENT_STORE must be "sqlite" (the default), "postgres" or "eventstoredb", not "${env.EVENT_STORE}".`,
  );
}
