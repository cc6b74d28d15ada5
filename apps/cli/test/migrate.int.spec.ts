import { PostgresEventStore, SqliteEventStore, type EventStore } from '@actionledger/event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import {
  chainBreaks,
  portable,
  writeChainedLog,
} from '../../../libs/event-store/src/copy/testing/chained-log';
import {
  createTemporaryDatabase,
  type TemporaryDatabase,
} from '../../../libs/event-store/src/postgres/testing/temporary-database';
import { runCli } from '../src/cli-program';
import { run } from './run-cli';

async function readLog(store: EventStore) {
  try {
    return await store.readAll();
  } finally {
    await store.close();
  }
}

describe('actionledger migrate', () => {
  let scratch: string;
  let database: TemporaryDatabase;
  beforeEach(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'actionledger-migrate-'));
    database = await createTemporaryDatabase();
  });
  afterEach(async () => {
    await database.drop();
    rmSync(scratch, { recursive: true, force: true });
  });

  async function sqliteFolder(name: string): Promise<{ folder: string; events: number }> {
    const folder = join(scratch, name);
    const store = new SqliteEventStore(join(folder, 'events.db'));
    const events = await writeChainedLog(store, 4, 4);
    await store.close();
    return { folder, events };
  }

  it('moves a SQLite data folder onto PostgreSQL and back, printing progress as lines off a terminal', async () => {
    const { folder, events } = await sqliteFolder('data');
    const original = await readLog(new SqliteEventStore(join(folder, 'events.db')));

    const there = await run(['migrate', '--from', folder, '--to', database.url, '--batch-size', '5'], {});
    expect(there.err).toBe('');
    expect(there.code).toBe(0);
    expect(there.out).toContain(
      `${events} events in the source; 0 already in the target; ${events} to copy.`,
    );
    expect(there.out).toMatch(/copied \d+ of \d+ events \(\d+%\)/);
    expect(there.out).toContain(`Copied ${events} events (0 were already there)`);
    const onPostgres = await readLog(new PostgresEventStore(database.url));
    expect(onPostgres.map(portable)).toEqual(original.map(portable));
    expect(chainBreaks(onPostgres)).toEqual([]);

    const again = await run(['migrate', '--from', folder, '--to', database.url], {});
    expect(again.code).toBe(0);
    expect(again.out).toContain(`Copied 0 events (${events} were already there)`);

    const back = join(scratch, 'back');
    const returned = await run(['migrate', '--from', database.url, '--to', back], {});
    expect(returned.code).toBe(0);
    const roundTrip = await readLog(new SqliteEventStore(join(back, 'events.db')));
    expect(roundTrip.map(portable)).toEqual(original.map(portable));
  });

  it('draws a progress bar on a terminal', async () => {
    const { folder, events } = await sqliteFolder('data');
    const terminal = Object.assign(new PassThrough(), {
      isTTY: true,
      columns: 100,
      cursorTo: () => true,
      moveCursor: () => true,
      clearLine: () => true,
      clearScreenDown: () => true,
    });
    let drawn = '';
    terminal.on('data', (chunk: Buffer) => (drawn += chunk.toString()));
    const out: string[] = [];
    const io = {
      env: {},
      out: (text: string) => void out.push(text),
      err: (text: string) => void out.push(text),
      terminal: terminal as unknown as NodeJS.WriteStream,
    };
    expect(await runCli(['migrate', '--from', folder, '--to', database.url], io)).toBe(0);
    expect(drawn).toContain(`100% | ${events}/${events} events`);
    expect(out.join('\n')).not.toMatch(/copied \d+ of/);
  });

  it('refuses, changing nothing, a target with another log, a missing source, an unknown URL or one store twice', async () => {
    const { folder } = await sqliteFolder('data');
    const other = await sqliteFolder('other');
    const otherBefore = await readLog(new SqliteEventStore(join(other.folder, 'events.db')));

    const notACopy = await run(['migrate', '--from', folder, '--to', other.folder], {});
    expect(notACopy.code).toBe(2);
    expect(notACopy.err).toMatch(/neither empty nor an earlier copy of the source/);
    expect(await readLog(new SqliteEventStore(join(other.folder, 'events.db')))).toEqual(otherBefore);

    const missing = await run(['migrate', '--from', join(scratch, 'nope'), '--to', database.url], {});
    expect(missing.code).toBe(3);
    expect(missing.err).toMatch(/There is no SQLite event store at .*nope\/events\.db/);

    const unknown = await run(['migrate', '--from', folder, '--to', 'mysql://root:secret@localhost/x'], {});
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('mysql://root:***@localhost/x');

    const same = await run(['migrate', '--from', folder, '--to', join(folder, 'events.db')], {});
    expect(same.code).toBe(2);
    expect(same.err).toMatch(/name the same store/);
    expect(await readLog(new PostgresEventStore(database.url))).toEqual([]);
  });
});
