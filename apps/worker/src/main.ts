import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { connectRedis } from '@actionledger/projections';
import {
  ActionLedgerMetrics,
  exitGracefullyOnSignals,
  httpMetricsMiddleware,
} from '@actionledger/operations';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as JsonLogger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';
import { workerConfigFromEnv } from './worker-config';

async function main(): Promise<void> {
  const config = workerConfigFromEnv();
  // Asked before Nest starts, so that a missing Redis is one sentence rather than a framework's stack trace.
  (await connectRedis(config.redisUrl)).disconnect();
  const app = await NestFactory.create(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(JsonLogger));
  app.use(httpMetricsMiddleware(app.get(ActionLedgerMetrics)));
  exitGracefullyOnSignals(app, { timeoutMs: config.operations.shutdownTimeoutMs, logger: new Logger() });
  await app.listen(config.port);
  const { port } = app.getHttpServer().address() as AddressInfo; // WORKER_PORT=0 picks a free one
  Logger.log(`ActionLedger worker on http://localhost:${port}/health`, 'Main');
}

main().catch((error: Error) => {
  console.error(`The ActionLedger worker could not start: ${error.message}`);
  process.exit(1);
});
