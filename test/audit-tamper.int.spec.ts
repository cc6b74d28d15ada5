import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { eventHash } from '@actionledger/audit';
import { SqliteEventStore } from '@actionledger/event-store';
import { appendChained, progressNote } from '../libs/audit/src/testing/chained-events';

const BIN = resolve(__dirname, '../bin/actionledger.js');

/** The installed command as an operator runs it (compiled by `npm run build`, which `npm test` runs first). */
function actionledger(args: string[], dataDir: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, DATA_DIR: dataDir, EVENT_STORE: 'sqlite' },
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

interface Row {
  position: number;
  revision: number;
  event_id: string;
  type: string;
  data: string;
  metadata: string;
}

/**
 * Tampering as someone with access to the data folder would do it: straight into `events.db` with the sqlite
 * library, no store in between.
 */
function tamper(dataDir: string, work: (db: Database.Database) => void): void {
  const db = new Database(join(dataDir, 'events.db'));
  try {
    work(db);
  } finally {
    db.close();
  }
}

const rowOf = (db: Database.Database, streamId: string, revision: number) =>
  db
    .prepare(
      'SELECT position, revision, event_id, type, data, metadata FROM events WHERE stream_id = ? AND revision = ?',
    )
    .get(streamId, revision) as Row;

describe('audit verify catches an operator who edits the SQLite file', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'actionledger-tamper-'));
    const store = new SqliteEventStore(join(dataDir, 'events.db'));
    try {
      for (let revision = 0; revision < 4; revision++) {
        await appendChained(store, 'action-a', [progressNote(`action-a note ${revision}`)]);
        await appendChained(store, 'action-b', [progressNote(`action-b note ${revision}`)]);
        if (revision < 2)
          await appendChained(store, 'finding-c', [progressNote(`finding-c note ${revision}`)]);
      }
    } finally {
      await store.close();
    }
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('passes the log as written', () => {
    expect(actionledger(['audit', 'verify'], dataDir)).toMatchObject({
      code: 0,
      out: 'The audit chain is intact: 10 events in 3 streams checked, up to log position 10.\n',
    });
  });

  it('names an event one byte of whose data was edited', () => {
    tamper(dataDir, (db) => {
      const row = rowOf(db, 'action-a', 1);
      const bytes = Buffer.from(row.data);
      const digit = bytes.indexOf('note 1') + 'note '.length;
      bytes[digit] = '7'.charCodeAt(0);
      db.prepare('UPDATE events SET data = ? WHERE position = ?').run(bytes.toString(), row.position);
    });
    const { code, err } = actionledger(['audit', 'verify'], dataDir);
    expect(code).toBe(4);
    expect(err).toMatch(
      /^actionledger: Stream action-a, revision 1 \(ProgressRecorded, log position \d+\): its stored content hashes to [0-9a-f]{64}, but it carries hash [0-9a-f]{64}: the event was changed after it was written\.\n$/,
    );
  });

  it('says where an event is whose edited bytes no longer parse', () => {
    let position = 0;
    tamper(dataDir, (db) => {
      const row = rowOf(db, 'action-b', 2);
      position = row.position;
      db.prepare('UPDATE events SET data = ? WHERE position = ?').run(row.data.replace('{', '['), position);
    });
    const { code, err } = actionledger(['audit', 'verify'], dataDir);
    expect(code).toBe(4);
    expect(err).toContain(`The first event after log position ${position - 1} cannot be read (`);
    expect(err).toContain('its stored bytes were changed.');
  });

  it('names the revision missing when a row was deleted', () => {
    tamper(dataDir, (db) =>
      db.prepare("DELETE FROM events WHERE stream_id = 'action-b' AND revision = 1").run(),
    );
    const { code, err } = actionledger(['audit', 'verify'], dataDir);
    expect(code).toBe(4);
    expect(err).toContain('Stream action-b, revision 2 (ProgressRecorded, log position');
    expect(err).toContain('expected revision 1 here, found 2; revision 1 is missing from the log');
  });

  it('names the first of two rows whose data and metadata were swapped', () => {
    let expectedPrevious = '';
    tamper(dataDir, (db) => {
      const [first, second] = [rowOf(db, 'action-a', 1), rowOf(db, 'action-a', 2)];
      expectedPrevious = JSON.parse(rowOf(db, 'action-a', 0).metadata).hash;
      const update = db.prepare('UPDATE events SET data = ?, metadata = ? WHERE position = ?');
      db.transaction(() => {
        update.run(second.data, second.metadata, first.position);
        update.run(first.data, first.metadata, second.position);
      })();
    });
    const { code, err } = actionledger(['audit', 'verify'], dataDir);
    expect(code).toBe(4);
    expect(err).toContain('Stream action-a, revision 1 (ProgressRecorded, log position');
    expect(err).toContain(`expected previousHash ${expectedPrevious} (the hash of revision 0)`);
  });

  describe('and, with a recorded head, what the chain alone cannot see', () => {
    let head: string;

    beforeEach(async () => {
      const recorded = actionledger(['audit', 'head', '--record'], dataDir);
      expect(recorded.code).toBe(0);
      head = recorded.out.trimEnd().split('\n').at(-1)!;
      expect(head).toMatch(/^ah1-10-[0-9a-f]{64}$/);
      const store = new SqliteEventStore(join(dataDir, 'events.db'));
      try {
        await appendChained(store, 'action-a', [progressNote('after the head')]);
      } finally {
        await store.close();
      }
      expect(actionledger(['audit', 'verify', '--head', head], dataDir).code).toBe(0);
    });

    it('catches a whole stream deleted', () => {
      tamper(dataDir, (db) => db.prepare("DELETE FROM events WHERE stream_id = 'finding-c'").run());
      expect(actionledger(['audit', 'verify'], dataDir).code).toBe(0);

      const { code, err } = actionledger(['audit', 'verify', '--head', head], dataDir);
      expect(code).toBe(4);
      expect(err).toContain(
        `does not extend head ${head}: as of position 10 its streams' heads give ah1-10-`,
      );
      expect(err).toContain(
        "It was recorded over 3 streams; today's log has 2 as of that position: one of the streams it covered has vanished.",
      );
    });

    it('catches an event before the head edited, then re-hashed with its successors', () => {
      tamper(dataDir, (db) => {
        const rows = db
          .prepare(
            "SELECT position, revision, event_id, type, data, metadata FROM events WHERE stream_id = 'action-a' ORDER BY revision",
          )
          .all() as Row[];
        const update = db.prepare('UPDATE events SET data = ?, metadata = ? WHERE position = ?');
        let previousHash: string | null = JSON.parse(rows[0].metadata).hash;
        for (const row of rows.slice(1)) {
          const data =
            row.revision === 1 ? { note: 'action-a note 1, as it should have been' } : JSON.parse(row.data);
          const metadata = { ...JSON.parse(row.metadata), previousHash };
          metadata.hash = eventHash({
            id: row.event_id,
            streamId: 'action-a',
            revision: row.revision,
            type: row.type,
            data,
            metadata,
          });
          previousHash = metadata.hash;
          update.run(JSON.stringify(data), JSON.stringify(metadata), row.position);
        }
      });
      expect(actionledger(['audit', 'verify'], dataDir).code).toBe(0);

      const { code, err } = actionledger(['audit', 'verify', '--head', head], dataDir);
      expect(code).toBe(4);
      expect(err).toContain(`does not extend head ${head}`);
      expect(err).toContain('An event at or before that position was changed or removed');
    });
  });
});
