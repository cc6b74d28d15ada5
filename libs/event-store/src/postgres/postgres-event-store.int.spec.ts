import { describeEventStoreContract } from '../event-store.contract';
import { PostgresEventStore } from './postgres-event-store';
import { createTemporaryDatabase, type TemporaryDatabase } from './testing/temporary-database';

let database: TemporaryDatabase | undefined;
async function databaseUrl(): Promise<string> {
  database ??= await createTemporaryDatabase();
  return database.url;
}

describeEventStoreContract(
  'PostgresEventStore on a database of its own',
  async () => new PostgresEventStore(await databaseUrl(), { pollIntervalMs: 200 }),
  async () => database?.drop(),
);
