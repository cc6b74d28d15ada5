import { json } from 'express';
import type { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { MAX_LETTER_BYTES } from '@actionledger/letters';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { ActionLedgerMetrics, httpMetricsMiddleware } from '@actionledger/operations';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import { cleanTextPipe } from './http/clean-text.pipe';
import { requestValidationPipe } from './http/validation.pipe';
import { configureWebViews } from './web/rendering/web-views';
import type { Clock } from '@actionledger/command-handling';

/** The largest JSON body of any route but a pasted letter: a letter draft's corrections, whole lists included. */
const JSON_BODY_LIMIT = '2mb';

/**
 * The API as it runs, without listening: main.ts listens, tests drive it in-process. It logs JSON (pino) at
 * LOG_LEVEL; a test's `logger` (false, or Nest's levels) silences the JSON logs and uses Nest's own instead.
 */
export async function createApp(
  config: AppConfig,
  options: { clock?: Clock; logger?: false | LogLevel[] } = {},
): Promise<INestApplication> {
  const quiet = options.logger !== undefined;
  const settings = quiet
    ? { ...config, operations: { ...config.operations, logLevel: 'silent' as const } }
    : config;
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(settings, options.clock), {
    logger: options.logger,
    bufferLogs: !quiet,
    bodyParser: false,
  });
  if (!quiet) app.useLogger(app.get(Logger));
  app.use(httpMetricsMiddleware(app.get(ActionLedgerMetrics)));
  // Room for a pasted letter of up to MAX_LETTER_BYTES on the one route that takes one (the letter checks then
  // say if it is too large); every other route's body is small, and a larger one is refused before it is parsed.
  app.use('/api/letters', json({ limit: MAX_LETTER_BYTES * 2 }));
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  configureWebViews(app, config);
  app.useGlobalPipes(cleanTextPipe, requestValidationPipe);
  const openApi = new DocumentBuilder()
    .setTitle('ActionLedger')
    .setDescription(
      'Carry inspection findings through to done: inspections, findings, actions and their history.',
    )
    .setVersion('0.1.0')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi), {
    jsonDocumentUrl: 'api/docs/openapi.json',
  });
  return app;
}
