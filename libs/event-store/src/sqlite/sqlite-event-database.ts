import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * `FULL` syncs the WAL on every commit, so an acknowledged append survives a crash of the process or the machine.
 * `NORMAL` syncs only at checkpoints: an append survives a crash of the process but may be lost with the machine.
 */
export type SqliteSynchronous = 'FULL' | 'NORMAL';

export interface SqliteEventDatabaseOptions {
  synchronous: SqliteSynchronous;
  /** How long a write waits for another connection (another process) to release the file's write lock. */
  busyTimeoutMs: number;
}

/**
 * AUTOINCREMENT keeps positions from ever being reused, even if the newest rows were deleted by hand: a
 * checkpointed projection would otherwise skip the events that take their place.
 */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id TEXT NOT NULL UNIQUE,
    stream_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    type TEXT NOT NULL,
    data TEXT NOT NULL,
    metadata TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    UNIQUE (stream_id, revision)
  )
`;

/** Opens (creating if needed) the event log file with its pragmas and schema; the benchmark shares it too. */
export function openSqliteEventDatabase(
  filePath: string,
  options: SqliteEventDatabaseOptions,
): Database.Database {
  if (options.synchronous !== 'FULL' && options.synchronous !== 'NORMAL') {
    throw new TypeError(`SQLite synchronous must be FULL or NORMAL, got ${String(options.synchronous)}.`);
  }
  if (!Number.isSafeInteger(options.busyTimeoutMs) || options.busyTimeoutMs < 0) {
    throw new TypeError(`SQLite busy timeout must be an integer ≥ 0, got ${String(options.busyTimeoutMs)}.`);
  }
  mkdirSync(dirname(resolve(filePath)), { recursive: true });
  const db = new Database(filePath);
  try {
    db.pragma(`busy_timeout = ${options.busyTimeoutMs}`);
    const journalMode = db.pragma('journal_mode = WAL', { simple: true });
    if (journalMode !== 'wal') {
      throw new Error(
        `SQLite could not put ${filePath} in WAL mode (journal_mode is ${String(journalMode)}).`,
      );
    }
    db.pragma(`synchronous = ${options.synchronous}`);
    db.exec(SCHEMA);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
