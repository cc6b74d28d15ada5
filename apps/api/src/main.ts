import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { connectRedis } from '@actionledger/projections';
import { Logger } from '@nestjs/common';
import { exitGracefullyOnSignals } from '@actionledger/operations';
import { appConfigFromEnv } from './config/app-config';
import { createApp } from './create-app';

/**
 * `npm start`: the API with the worker's modules inside (projections and reminders, as PROJECTIONS and REMINDERS
 * say). `npm run start:api` (`--api-only`): the API alone, leaving both to `npm run start:worker`.
 */
function environment(): NodeJS.ProcessEnv {
  return process.argv.includes('--api-only')
    ? { ...process.env, PROJECTIONS: 'off', REMINDERS: 'off' }
    : process.env;
}

async function main(): Promise<void> {
  const config = appConfigFromEnv(environment());
  // Asked before Nest starts, so that a missing Redis is one sentence rather than a framework's stack trace.
  (await connectRedis(config.redisUrl)).disconnect();
  const app = await createApp(config);
  exitGracefullyOnSignals(app, { timeoutMs: config.operations.shutdownTimeoutMs, logger: new Logger() });
  await app.listen(config.port);
  const { port } = app.getHttpServer().address() as AddressInfo; // PORT=0 picks a free one
  const alone = config.projections === 'off' && !config.reminders.enabled;
  Logger.log(
    `ActionLedger API on http://localhost:${port} (docs at /api/docs)` +
      (alone ? ', leaving projections and reminders to a worker' : ''),
    'Main',
  );
}

main().catch((error: Error) => {
  console.error(`ActionLedger could not start: ${error.message}`);
  process.exit(1);
});
