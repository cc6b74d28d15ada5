import type { Server } from 'node:http';
import type { INestApplication, LoggerService } from '@nestjs/common';
import { ShutdownState } from './shutdown-state';

const IDLE_SWEEP_MS = 50;

/**
 * On SIGTERM (or SIGINT): /ready turns 503, the server takes no new connections and closes each idle keep-alive
 * one while the requests in flight finish; then Nest's hooks stop the processors (the projection runner commits
 * its batch and checkpoint and gives up the lease; BullMQ lets a running job end), close Redis and the store, and
 * the process exits 0. Past `timeoutMs` it exits 1 with a line saying so.
 */
export function exitGracefullyOnSignals(
  app: INestApplication,
  options: { timeoutMs: number; logger: LoggerService },
  signals: NodeJS.Signals[] = ['SIGTERM', 'SIGINT'],
): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    options.logger.log(
      `${signal}: finishing the work in flight (at most ${options.timeoutMs} ms)`,
      'Shutdown',
    );
    setTimeout(() => {
      options.logger.error(`Shutdown took longer than ${options.timeoutMs} ms: exiting anyway`, 'Shutdown');
      process.exit(1);
    }, options.timeoutMs).unref();
    try {
      app.get(ShutdownState, { strict: false }).shuttingDown = true;
      await drain(app.getHttpServer() as Server);
      await app.close();
      options.logger.log(`Stopped cleanly in ${Date.now() - started} ms`, 'Shutdown');
      process.exit(0);
    } catch (error) {
      options.logger.error(`Shutdown failed: ${(error as Error).message}`, 'Shutdown');
      process.exit(1);
    }
  };
  for (const signal of signals) process.once(signal, (received) => void stop(received));
}

/** Stops listening and resolves once every connection has ended, closing keep-alive ones as they go idle. */
function drain(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve) => {
    const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
    server.close(() => {
      clearInterval(sweep);
      resolve();
    });
    server.closeIdleConnections();
  });
}
