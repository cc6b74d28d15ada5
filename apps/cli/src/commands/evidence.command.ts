import { systemClock } from '@actionledger/command-handling';
import { findUnreferencedBlobs, GC_MIN_AGE_MS } from '@actionledger/evidence';
import { Command } from 'commander';
import type { CliIo } from '../cli-io';
import { withBlobStore } from '../with-blob-store';
import { withEventStore } from '../with-event-store';

const count = (n: number) => n.toLocaleString('en-GB');

/** `evidence gc`: the files a crash left stored but never recorded. */
export function evidenceCommand(io: CliIo): Command {
  const evidence = new Command('evidence').description('the evidence files kept beside the log');

  evidence
    .command('gc')
    .description(
      'list the stored files no event references that were stored more than a day ago (what a crash between ' +
        'storing a file and recording it leaves); with --delete, remove them, and writes a crash interrupted',
    )
    .option('--delete', 'remove them')
    .action(async (options: { delete?: boolean }) => {
      await withEventStore(io, (store) =>
        withBlobStore(io, async (blobs) => {
          const now = systemClock.now();
          const unreferenced = await findUnreferencedBlobs(store, blobs, now);
          const bytes = unreferenced.reduce((sum, blob) => sum + blob.size, 0);
          for (const blob of unreferenced) {
            if (options.delete) await blobs.delete(blob.sha256);
            io.out(`${blob.sha256}  ${count(blob.size)} bytes  stored ${blob.storedAt.toISOString()}`);
          }
          const files = `${count(unreferenced.length)} unreferenced file${unreferenced.length === 1 ? '' : 's'}`;
          if (options.delete) {
            const interrupted = await blobs.removeInterruptedWrites(new Date(now.getTime() - GC_MIN_AGE_MS));
            io.out(`Removed ${files} (${count(bytes)} bytes) from ${blobs.describe()}.`);
            if (interrupted > 0) io.out(`Removed ${count(interrupted)} write(s) a crash interrupted.`);
          } else if (unreferenced.length === 0)
            io.out(`No unreferenced file older than a day in ${blobs.describe()}.`);
          else
            io.out(
              `${files} older than a day (${count(bytes)} bytes) in ${blobs.describe()}; --delete removes them.`,
            );
        }),
      );
    });

  return evidence;
}
