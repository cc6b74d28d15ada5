import { resolve } from 'node:path';
import { blobStoreConfigFromEnv, createBlobStore, type BlobStore } from '@actionledger/evidence';
import { Command } from 'commander';
import { backupDataFolder, restoreDataFolder } from '../backup/data-folder-backup';
import { CliError, EXIT } from '../cli-error';
import type { CliIo } from '../cli-io';

const count = (n: number) => n.toLocaleString('en-GB');

/** The data folder, only where the log is the embedded SQLite store: PostgreSQL has pg_dump for this. */
function sqliteDataDir(io: CliIo): string {
  const adapter = (io.env.EVENT_STORE?.trim() || 'sqlite').toLowerCase();
  if (adapter !== 'sqlite') {
    throw new CliError(
      `backup and restore copy the embedded SQLite store; with EVENT_STORE=${adapter}, back the log up with the ` +
        "store's own tools (pg_dump for PostgreSQL) and the data folder's personal-data-keys.db with it.",
      EXIT.usage,
    );
  }
  return resolve(io.env.DATA_DIR?.trim() || './data');
}

/** The evidence store when it is a folder the backup can hold; a bucket has backups (versioning) of its own. */
async function withFolderEvidence<T>(io: CliIo, work: (store: BlobStore | null) => Promise<T>): Promise<T> {
  const config = blobStoreConfigFromEnv(io.env);
  const store = config.adapter === 'folder' ? createBlobStore(config) : null;
  try {
    return await work(store);
  } finally {
    await store?.close();
  }
}

const evidenceLine = (files: number | null) =>
  files === null
    ? 'Evidence files are in a bucket (EVIDENCE_STORE_URL): back it up with its own versioning or replication.'
    : `${count(files)} evidence files.`;

/** `backup FILE` and `restore FILE`: the whole data folder (log and personal-data keys) as one file. */
export function backupCommands(io: CliIo): Command[] {
  const backup = new Command('backup')
    .description(
      'copy the data folder (log, personal-data keys, evidence files) into FILE while the app runs',
    )
    .argument('<file>', 'a new file to write')
    .action(async (file: string) => {
      const dataDir = sqliteDataDir(io);
      const summary = await withFolderEvidence(io, (evidence) => backupDataFolder(dataDir, file, evidence));
      io.out(
        `Backed up ${count(summary.events)} events (up to log position ${summary.lastPosition}) and ` +
          `${count(summary.keys)} personal-data keys into ${summary.file}.`,
      );
      io.out(evidenceLine(summary.evidenceFiles));
    });
  const restore = new Command('restore')
    .description('put a backup back into an empty data folder (DATA_DIR)')
    .argument('<file>', 'a file `actionledger backup` wrote')
    .action(async (file: string) => {
      const dataDir = sqliteDataDir(io);
      const summary = await withFolderEvidence(io, (evidence) => restoreDataFolder(file, dataDir, evidence));
      io.out(
        `Restored ${count(summary.events)} events (up to log position ${summary.lastPosition}) and ` +
          `${count(summary.keys)} personal-data keys into ${dataDir}.`,
      );
      io.out(evidenceLine(summary.evidenceFiles));
      io.out(
        'Next: `npx actionledger audit verify`, then `npx actionledger projections rebuild` before starting the ' +
          'app, so that no read model keeps a checkpoint from the log that was lost.',
      );
    });
  return [backup, restore];
}
