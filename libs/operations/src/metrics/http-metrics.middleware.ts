import type { NextFunction, Request, Response } from 'express';
import type { ActionLedgerMetrics } from './actionledger-metrics';

/**
 * Times every request and labels it by its route's pattern (`/api/actions/:id/assign`), read once routing has
 * matched it, so that ids never become labels; a request no route matched is `unmatched`.
 */
export function httpMetricsMiddleware(metrics: ActionLedgerMetrics) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const pattern = (request.route as { path?: string } | undefined)?.path;
      const route = pattern ? `${request.baseUrl}${pattern}` : 'unmatched';
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.httpRequestFinished(request.method, route, response.statusCode, seconds);
    });
    next();
  };
}
