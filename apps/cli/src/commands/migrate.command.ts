import {
  copyEventLog,
  createEventStore,
  TargetNotACopyError,
  type CopyProgress,
} from '@actionledger/event-store';
import { Presets, SingleBar } from 'cli-progress';
import { Command } from 'commander';
import { CliError, EXIT } from '../cli-error';
import type { CliIo } from '../cli-io';
import { describeStore, storeFromLocation } from './store-location';

interface MigrateOptions {
  from: string;
  to: string;
  batchSize: string;
}

/** Shows progress as a bar on a terminal, or as a line at every tenth of the way (and every 5 s) otherwise. */
function progressReporter(io: CliIo): { update(progress: CopyProgress): void; stop(): void } {
  const bar = io.terminal
    ? new SingleBar(
        {
          stream: io.terminal,
          format: 'copying |{bar}| {percentage}% | {value}/{total} events | {eta_formatted} left',
          hideCursor: true,
        },
        Presets.shades_classic,
      )
    : undefined;
  let started = false;
  let [nextTenth, lastLineAt] = [1, Date.now()];
  return {
    update({ phase, total, alreadyCopied, copied }) {
      if (phase === 'comparing') return io.out('Reading both logs to see what the target already holds…');
      if (!started) {
        started = true;
        io.out(
          `${total} events in the source; ${alreadyCopied} already in the target; ${total - alreadyCopied} to copy.`,
        );
        bar?.start(total, alreadyCopied);
        return;
      }
      bar?.update(alreadyCopied + copied);
      const toCopy = total - alreadyCopied;
      if (bar || phase === 'done' || toCopy === 0) return;
      if (copied >= (toCopy * nextTenth) / 10 || Date.now() - lastLineAt > 5000) {
        while (copied >= (toCopy * nextTenth) / 10) nextTenth++;
        lastLineAt = Date.now();
        io.out(`copied ${copied} of ${toCopy} events (${Math.floor((copied / toCopy) * 100)}%)`);
      }
    },
    stop: () => bar?.stop(),
  };
}

export function migrateCommand(io: CliIo): Command {
  return new Command('migrate')
    .description(
      'copy the whole event log from one store to another, keeping event ids, order, revisions and metadata ' +
        '(the audit hash chain); run it again to resume an interrupted copy',
    )
    .requiredOption(
      '--from <store>',
      'SQLite data folder or file, postgres:// URL or kurrentdb:// connection string',
    )
    .requiredOption(
      '--to <store>',
      'the same kinds; a SQLite target is created, any target must be empty or a copy',
    )
    .option('--batch-size <events>', 'events per atomic write to the target', '500')
    .action(async (options: MigrateOptions) => {
      const batchSize = Number(options.batchSize);
      if (!Number.isSafeInteger(batchSize) || batchSize < 1) {
        throw new CliError(
          `--batch-size must be a whole number ≥ 1, not "${options.batchSize}".`,
          EXIT.usage,
        );
      }
      const [fromConfig, toConfig] = [
        storeFromLocation(options.from, 'source'),
        storeFromLocation(options.to, 'target'),
      ];
      if (fromConfig.adapter === toConfig.adapter && describeStore(fromConfig) === describeStore(toConfig)) {
        throw new CliError('--from and --to name the same store.', EXIT.usage);
      }
      const [from, to] = [createEventStore(fromConfig), createEventStore(toConfig)];
      const reporter = progressReporter(io);
      const stop = new AbortController();
      const interrupt = () => stop.abort(new Error('interrupted'));
      process.once('SIGINT', interrupt);
      let progress: CopyProgress | undefined;
      try {
        progress = await copyEventLog(from, to, {
          eventsPerWrite: batchSize,
          signal: stop.signal,
          onProgress: (update) => {
            progress = update;
            reporter.update(update);
          },
        });
        reporter.stop();
        io.out(
          `Copied ${progress.copied} events (${progress.alreadyCopied} were already there): ` +
            `${describeStore(toConfig)} now holds the ${progress.total} events of ${describeStore(fromConfig)}.`,
        );
      } catch (error) {
        reporter.stop();
        if (error instanceof TargetNotACopyError) throw new CliError(error.message, EXIT.usage);
        if (stop.signal.aborted) {
          throw new CliError(
            `Interrupted after copying ${progress?.copied ?? 0} events; run the same command again to resume.`,
            EXIT.failure,
          );
        }
        throw new CliError(
          `${(error as Error).message} The copy stopped; run the same command again to resume it.`,
          EXIT.failure,
        );
      } finally {
        process.removeListener('SIGINT', interrupt);
        await Promise.all([from.close(), to.close()]);
      }
    });
}
