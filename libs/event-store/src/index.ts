export * from './event-store.port';
export { describeEventStoreContract } from './event-store.contract';
export { eventStoreConfigFromEnv, EventStoreConfigError, type EventStoreConfig } from './event-store.config';
export { createEventStore } from './event-store.factory';
export { KurrentDbEventStore } from './kurrentdb/kurrentdb-event-store';
export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres-event-store';
export type { SqliteSynchronous } from './sqlite/sqlite-event-database';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store';
export {
  copyEventLog,
  TargetNotACopyError,
  type CopyEventLogOptions,
  type CopyProgress,
} from './copy/copy-event-log';
