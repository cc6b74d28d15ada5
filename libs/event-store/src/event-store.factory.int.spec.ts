import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreConfigFromEnv } from './event-store.config';
import { createEventStore } from './event-store.factory';
import { KurrentDbEventStore } from './kurrentdb/kurrentdb-event-store';
import { PostgresEventStore } from './postgres/postgres-event-store';
import { createTemporaryDatabase } from './postgres/testing/temporary-database';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

describe('createEventStore', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'actionledger-factory-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('opens DATA_DIR/events.db with the synchronous level asked for', async () => {
    const store = createEventStore(
      eventStoreConfigFromEnv({ DATA_DIR: dataDir, SQLITE_SYNCHRONOUS: 'NORMAL' }),
    );
    try {
      expect(store).toBeInstanceOf(SqliteEventStore);
      expect((store as SqliteEventStore).filePath).toBe(join(dataDir, 'events.db'));
      expect((store as SqliteEventStore).durability().synchronous).toBe('NORMAL');
      expect(await store.health()).toMatchObject({ status: 'up', adapter: 'sqlite' });
    } finally {
      await store.close();
    }
  });

  it('makes an EventStoreDB client without connecting until it is used', async () => {
    const store = createEventStore({
      adapter: 'eventstoredb',
      connectionString: `kurrentdb://${randomUUID()}.invalid:2113?tls=false`,
    });
    expect(store).toBeInstanceOf(KurrentDbEventStore);
    await store.close();
  });

  it('opens the PostgreSQL database DATABASE_URL names, creating its schema', async () => {
    const database = await createTemporaryDatabase();
    const store = createEventStore(
      eventStoreConfigFromEnv({ EVENT_STORE: 'postgres', DATABASE_URL: database.url }),
    );
    try {
      expect(store).toBeInstanceOf(PostgresEventStore);
      expect(await store.health()).toMatchObject({ status: 'up', adapter: 'postgres' });
      expect(await store.readAll()).toEqual([]);
    } finally {
      await store.close();
      await database.drop();
    }
  });
});
