import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { connectRedis } from '@actionledger/projections';
import { Logger } from '@nestjs/common';
import { appConfigFromEnv } from './config/app-config';
import { createApp } from './create-app';

async function main(): Promise<void> {
  const config = appConfigFromEnv();
  // Asked before Nest starts, so that a missing Redis is one sentence rather than a framework's stack trace.
  (await connectRedis(config.redisUrl)).disconnect();
  const app = await createApp(config);
  await app.listen(config.port);
  const { port } = app.getHttpServer().address() as AddressInfo; // PORT=0 picks a free one
  Logger.log(`ActionLedger API on http://localhost:${port} (docs at /api/docs)`, 'Main');
}

main().catch((error: Error) => {
  console.error(`ActionLedger could not start: ${error.message}`);
  process.exit(1);
});
