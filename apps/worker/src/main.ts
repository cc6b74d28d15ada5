import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { connectRedis } from '@actionledger/projections';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from './worker.module';
import { workerConfigFromEnv } from './worker-config';

async function main(): Promise<void> {
  const config = workerConfigFromEnv();
  // Asked before Nest starts, so that a missing Redis is one sentence rather than a framework's stack trace.
  (await connectRedis(config.redisUrl)).disconnect();
  const app = await NestFactory.create(WorkerModule.forRoot(config), { logger: ['error', 'warn', 'log'] });
  app.enableShutdownHooks();
  await app.listen(config.port);
  const { port } = app.getHttpServer().address() as AddressInfo; // WORKER_PORT=0 picks a free one
  Logger.log(`ActionLedger worker on http://localhost:${port}/health`, 'Main');
}

main().catch((error: Error) => {
  console.error(`The ActionLedger worker could not start: ${error.message}`);
  process.exit(1);
});
