import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PersonalDataVault } from '@actionledger/auth';
import type { BlobStore } from '@actionledger/evidence';
import Database from 'better-sqlite3';
import { CliError, EXIT } from '../cli-error';

const EVENTS_FILE = 'events.db';
const KEYS_FILE = 'personal-data-keys.db';
const FORMAT = 'actionledger-backup-1';

export interface BackupSummary {
  file: string;
  events: number;
  lastPosition: number;
  keys: number;
  /** Evidence files copied; null when they live in a bucket the backup leaves to its own backups. */
  evidenceFiles: number | null;
}

/**
 * One file that holds a data folder: the log, copied by SQLite's online backup while the app may be writing to
 * it, then the personal-data keys. The keys are read after the log, so every user the copied log seals data for
 * has its key in the file (a key made later is harmless; see the README on erasure and backups). Evidence files in
 * the data folder's store are copied last: a file is stored before the event that names it, so every file the
 * copied log names is there.
 */
export async function backupDataFolder(
  dataDir: string,
  file: string,
  evidence: BlobStore | null,
): Promise<BackupSummary> {
  const eventsPath = join(resolve(dataDir), EVENTS_FILE);
  if (!existsSync(eventsPath))
    throw new CliError(`There is no SQLite event store at ${eventsPath}.`, EXIT.notFound);
  const target = resolve(file);
  if (existsSync(target)) throw new CliError(`${target} already exists: name a new file.`, EXIT.usage);
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const source = new Database(eventsPath, { readonly: true, fileMustExist: true });
  try {
    await source.backup(partial);
  } finally {
    source.close();
  }
  const vault = new PersonalDataVault(join(resolve(dataDir), KEYS_FILE));
  const keys = vault.exportKeys();
  vault.close();

  const copy = new Database(partial);
  try {
    // The backup is a log like any other; its journal is folded in so the file stands alone.
    copy.pragma('journal_mode = DELETE');
    copy.exec(
      'CREATE TABLE backup_personal_data_keys (user_id TEXT PRIMARY KEY, key BLOB NOT NULL) STRICT;' +
        'CREATE TABLE backup_evidence (sha256 TEXT PRIMARY KEY, bytes BLOB NOT NULL) STRICT;' +
        'CREATE TABLE backup_info (format TEXT NOT NULL, taken_at TEXT NOT NULL);',
    );
    let evidenceFiles: number | null = null;
    if (evidence) {
      evidenceFiles = 0;
      const insertFile = copy.prepare('INSERT OR IGNORE INTO backup_evidence (sha256, bytes) VALUES (?, ?)');
      for await (const { sha256 } of evidence.list()) {
        const bytes = await evidence.get(sha256);
        if (bytes) evidenceFiles += insertFile.run(sha256, bytes).changes;
      }
    }
    const insert = copy.prepare('INSERT INTO backup_personal_data_keys (user_id, key) VALUES (?, ?)');
    copy.transaction(() => {
      for (const { userId, key } of keys) insert.run(userId, key);
      copy
        .prepare('INSERT INTO backup_info (format, taken_at) VALUES (?, ?)')
        .run(FORMAT, new Date().toISOString());
    })();
    const summary = logSummary(copy);
    copy.close();
    renameSync(partial, target);
    return { file: target, ...summary, keys: keys.length, evidenceFiles };
  } catch (error) {
    if (copy.open) copy.close();
    rmSync(partial, { force: true });
    throw error;
  }
}

/** Puts a backup back into an empty data folder: the log as `events.db`, the keys as the vault. */
export async function restoreDataFolder(
  file: string,
  dataDir: string,
  evidence: BlobStore | null,
): Promise<BackupSummary> {
  const source = resolve(file);
  if (!existsSync(source)) throw new CliError(`There is no backup at ${source}.`, EXIT.notFound);
  const folder = resolve(dataDir);
  for (const name of [EVENTS_FILE, KEYS_FILE]) {
    if (existsSync(join(folder, name))) {
      throw new CliError(
        `${folder} already holds ${name}: restore into an empty data folder, never over a live one.`,
        EXIT.usage,
      );
    }
  }
  mkdirSync(folder, { recursive: true });
  const partial = join(folder, `${EVENTS_FILE}.restoring`);
  rmSync(partial, { force: true });
  let backup: Database.Database;
  try {
    backup = new Database(source, { readonly: true, fileMustExist: true });
    const format = backup.prepare('SELECT format FROM backup_info').pluck().get();
    if (format !== FORMAT) throw new Error(`format ${String(format)}`);
  } catch {
    throw new CliError(
      `${source} is not an ActionLedger backup (made by \`actionledger backup\`).`,
      EXIT.usage,
    );
  }
  try {
    const keys = (
      backup.prepare('SELECT user_id AS userId, key FROM backup_personal_data_keys').all() as {
        userId: string;
        key: Buffer;
      }[]
    ).map((row) => ({ userId: row.userId, key: row.key }));
    let evidenceFiles: number | null = null;
    if (evidence) {
      evidenceFiles = 0;
      for (const row of backup.prepare('SELECT sha256, bytes FROM backup_evidence').iterate() as Iterable<{
        sha256: string;
        bytes: Buffer;
      }>) {
        const stored = await evidence.put(row.bytes);
        if (stored.sha256 !== row.sha256)
          throw new CliError(`${source} holds a damaged evidence file.`, EXIT.tampered);
        evidenceFiles += 1;
      }
    }
    backup.exec(`VACUUM INTO '${partial.replaceAll("'", "''")}'`);
    const restored = new Database(partial);
    restored.exec(
      'DROP TABLE backup_personal_data_keys; DROP TABLE backup_evidence; DROP TABLE backup_info; VACUUM;',
    );
    restored.pragma('journal_mode = WAL');
    const summary = logSummary(restored);
    restored.close();
    const vault = new PersonalDataVault(join(folder, KEYS_FILE));
    vault.importKeys(keys);
    vault.close();
    renameSync(partial, join(folder, EVENTS_FILE));
    return { file: source, ...summary, keys: keys.length, evidenceFiles };
  } finally {
    backup.close();
    rmSync(partial, { force: true });
  }
}

function logSummary(db: Database.Database): { events: number; lastPosition: number } {
  const row = db
    .prepare('SELECT count(*) AS events, coalesce(max(position), 0) AS lastPosition FROM events')
    .get() as {
    events: number;
    lastPosition: number;
  };
  return row;
}
