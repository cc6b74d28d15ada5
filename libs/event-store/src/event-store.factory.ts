import type { EventStoreConfig } from './event-store.config';
import type { EventStore } from './event-store.port';
import { KurrentDbEventStore } from './kurrentdb/kurrentdb-event-store';
import { PostgresEventStore } from './postgres/postgres-event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

/** Opens the event store the configuration names; build the configuration with `eventStoreConfigFromEnv`. */
export function createEventStore(config: EventStoreConfig): EventStore {
  switch (config.adapter) {
    case 'sqlite':
      return new SqliteEventStore(config.filePath, { synchronous: config.synchronous });
    case 'eventstoredb':
      return new KurrentDbEventStore(config.connectionString);
    case 'postgres':
      return new PostgresEventStore(config.databaseUrl);
    default: {
      const unknown: never = config;
      throw new Error(`Unknown event store adapter in ${JSON.stringify(unknown)}.`);
    }
  }
}
