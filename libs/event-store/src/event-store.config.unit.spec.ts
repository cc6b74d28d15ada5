import { resolve } from 'node:path';
import { EventStoreConfigError, eventStoreConfigFromEnv } from './event-store.config';

describe('eventStoreConfigFromEnv', () => {
  it('defaults to SQLite in ./data/events.db with synchronous=FULL', () => {
    expect(eventStoreConfigFromEnv({})).toEqual({
      adapter: 'sqlite',
      filePath: resolve('data', 'events.db'),
      synchronous: 'FULL',
    });
  });

  it('puts events.db in DATA_DIR and accepts SQLITE_SYNCHRONOUS=normal', () => {
    expect(
      eventStoreConfigFromEnv({
        EVENT_STORE: 'SQLite',
        DATA_DIR: '/var/lib/actionledger',
        SQLITE_SYNCHRONOUS: 'normal',
      }),
    ).toEqual({
      adapter: 'sqlite',
      filePath: '/var/lib/actionledger/events.db',
      synchronous: 'NORMAL',
    });
  });

  it('chooses EventStoreDB with its connection string', () => {
    const env = {
      EVENT_STORE: 'eventstoredb',
      EVENTSTORE_CONNECTION_STRING: 'kurrentdb://localhost:2113?tls=false',
    };
    expect(eventStoreConfigFromEnv(env)).toEqual({
      adapter: 'eventstoredb',
      connectionString: 'kurrentdb://localhost:2113?tls=false',
    });
  });

  it('chooses PostgreSQL with its DATABASE_URL', () => {
    const env = { EVENT_STORE: 'postgres', DATABASE_URL: ' postgres://app@db.internal:5432/ledger ' };
    expect(eventStoreConfigFromEnv(env)).toEqual({
      adapter: 'postgres',
      databaseUrl: 'postgres://app@db.internal:5432/ledger',
    });
    expect(eventStoreConfigFromEnv({ ...env, EVENT_STORE: 'PostgreSQL' })).toMatchObject({
      adapter: 'postgres',
    });
  });

  it.each([
    [
      { EVENT_STORE: 'mysql' },
      /EVENT_STORE must be "sqlite" \(the default\), "postgres" or "eventstoredb", not "mysql"/,
    ],
    [{ EVENT_STORE: 'postgres' }, /EVENT_STORE=postgres needs DATABASE_URL/],
    [
      { EVENT_STORE: 'postgres', DATABASE_URL: 'mysql://localhost/ledger' },
      /DATABASE_URL must start with postgres:\/\/ or postgresql:\/\//,
    ],
    [{ EVENT_STORE: 'eventstoredb' }, /EVENT_STORE=eventstoredb needs EVENTSTORE_CONNECTION_STRING/],
    [
      { EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'localhost:2113' },
      /must start with kurrentdb:\/\//,
    ],
    [{ SQLITE_SYNCHRONOUS: 'OFF' }, /SQLITE_SYNCHRONOUS must be FULL .* or NORMAL .*, not "OFF"/],
  ])('refuses %j with a sentence that says what to set', (env, message) => {
    expect(() => eventStoreConfigFromEnv(env)).toThrow(EventStoreConfigError);
    expect(() => eventStoreConfigFromEnv(env)).toThrow(message);
  });
});
