import { existsSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { EventStoreConfig } from '@actionledger/event-store';
import { CliError, EXIT } from '../cli-error';

const KURRENT = /^(kurrentdb|kurrent|kdb|esdb)(\+discover)?:\/\/\S+$/;
const POSTGRES = /^postgres(ql)?:\/\/\S+$/;
const SQLITE_FILE = new Set(['.db', '.sqlite', '.sqlite3']);

/**
 * Reads a store named on the command line: a postgres:// URL, a kurrentdb:// (or esdb://…) connection string,
 * or else a SQLite data folder (its `events.db`) or file. A source must exist; a target SQLite store is created.
 */
export function storeFromLocation(location: string, role: 'source' | 'target'): EventStoreConfig {
  if (POSTGRES.test(location)) return { adapter: 'postgres', databaseUrl: location };
  if (KURRENT.test(location)) return { adapter: 'eventstoredb', connectionString: location };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) {
    throw new CliError(
      `${redact(location)} is not a store this command knows: give a SQLite data folder or file, a ` +
        'postgres:// URL or a kurrentdb:// connection string.',
      EXIT.usage,
    );
  }
  const path = resolve(location);
  const isFolder = existsSync(path) ? statSync(path).isDirectory() : !SQLITE_FILE.has(extname(path));
  const filePath = isFolder ? join(path, 'events.db') : path;
  if (role === 'source' && !existsSync(filePath)) {
    throw new CliError(`There is no SQLite event store at ${filePath}.`, EXIT.notFound);
  }
  return { adapter: 'sqlite', filePath, synchronous: 'FULL' };
}

/** The location as it may be printed: a URL's password replaced by `***`. */
export function redact(location: string): string {
  try {
    const url = new URL(location);
    if (!url.password) return location;
    url.password = '***';
    return url.toString();
  } catch {
    return location;
  }
}

/** Where a configuration's log lives, for comparing two and for messages. */
export function describeStore(config: EventStoreConfig): string {
  switch (config.adapter) {
    case 'sqlite':
      return config.filePath;
    case 'postgres':
      return redact(config.databaseUrl);
    case 'eventstoredb':
      return redact(config.connectionString);
  }
}
