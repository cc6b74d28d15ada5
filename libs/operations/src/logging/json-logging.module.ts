import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { Options } from 'pino-http';
import type { DynamicModule } from '@nestjs/common';
import type { OperationsSettings } from '@actionledger/settings';
import { REDACTED_PATHS, redactUrl } from './redaction';
import { requestIdOf } from './request-id';

/** Routes a supervisor or Prometheus polls: one line each would drown the rest. */
const POLLED = /^\/(health|ready|metrics)(\?|$)/;

type RequestWithId = IncomingMessage & { id?: string };

/** pino-http's options: request ids, redaction, the level of each request's line, what a request logs. */
export function pinoHttpOptions(
  settings: Pick<OperationsSettings, 'logLevel'>,
  app: 'api' | 'worker',
): Options {
  return {
    level: settings.logLevel,
    base: { app, pid: process.pid },
    genReqId: requestIdOf,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    autoLogging: { ignore: (request) => POLLED.test(request.url ?? '') },
    customProps: (request: IncomingMessage) => {
      const correlation = request.headers['x-correlation-id'];
      return {
        correlationId: typeof correlation === 'string' ? correlation : (request as RequestWithId).id,
      };
    },
    customLogLevel: (_request: IncomingMessage, response: ServerResponse, error?: Error) =>
      error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
    serializers: {
      req: (request: { id: string; method: string; url: string; headers: Record<string, unknown> }) => ({
        id: request.id,
        method: request.method,
        url: redactUrl(request.url),
        headers: request.headers,
      }),
      res: (response: { statusCode: number; headers: Record<string, unknown> }) => ({
        statusCode: response.statusCode,
      }),
    },
  };
}

/**
 * JSON logs (pino) for the whole process: Nest's own lines, and one line per HTTP request with its id, method,
 * route, status and time. Every line written while a request is handled carries its `req.id` and the
 * `correlationId` (the caller's X-Correlation-Id, else the request id, as the events it appends record).
 */
export function jsonLoggingModule(
  settings: Pick<OperationsSettings, 'logLevel'>,
  app: 'api' | 'worker',
): DynamicModule {
  return LoggerModule.forRoot({ pinoHttp: pinoHttpOptions(settings, app) });
}
