import {
  connectRedis,
  FollowUpsProjection,
  PlansProjection,
  ProjectionKeys,
  ProjectionRunner,
} from '@actionledger/projections';
import { Presets, SingleBar } from 'cli-progress';
import { Command } from 'commander';
import { CliError, EXIT } from '../cli-error';
import type { CliIo } from '../cli-io';
import { withEventStore } from '../with-event-store';

/** `projections rebuild`: drops every read model and replays the whole log into Redis. */
export function projectionsCommand(io: CliIo): Command {
  const projections = new Command('projections').description('the read models in Redis');
  projections
    .command('rebuild')
    .description('drop every read model and replay the log into it; queries answer 503 until it is whole')
    .action(() =>
      withEventStore(io, async (store) => {
        const url = io.env.REDIS_URL?.trim() || 'redis://127.0.0.1:6379';
        const redis = await connectRedis(url).catch((error: Error) => {
          throw new CliError(error.message, EXIT.failure);
        });
        const keys = new ProjectionKeys(io.env.READ_MODEL_KEY_PREFIX?.trim() || 'al');
        const runner = new ProjectionRunner({
          store,
          redis,
          keys,
          projections: [new PlansProjection(keys), new FollowUpsProjection(keys)],
          log: (message) => io.err(message),
        });
        const bar = io.terminal
          ? new SingleBar(
              { stream: io.terminal, format: 'rebuilding |{bar}| {percentage}% | {value}/{total} positions' },
              Presets.shades_classic,
            )
          : undefined;
        try {
          let started = false;
          const { events } = await runner.rebuild(({ position, head }) => {
            if (!started) bar?.start(Number(head), 0);
            started = true;
            bar?.update(Number(position));
          });
          bar?.stop();
          io.out(`Rebuilt the read models from ${events} events.`);
        } finally {
          await runner.close();
          redis.disconnect();
        }
      }),
    );
  return projections;
}
