import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { appConfigFromEnv } from './config/app-config';
import { createApp } from './create-app';

async function main(): Promise<void> {
  const config = appConfigFromEnv();
  const app = await createApp(config);
  await app.listen(config.port);
  Logger.log(`ActionLedger API on http://localhost:${config.port} (docs at /api/docs)`, 'Main');
}

main().catch((error: Error) => {
  console.error(`ActionLedger could not start: ${error.message}`);
  process.exit(1);
});
