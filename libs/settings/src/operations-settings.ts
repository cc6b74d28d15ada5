import type { Level } from 'pino';

/** What the API and the worker share about running in production: logs, readiness and shutdown. */
export interface OperationsSettings {
  logLevel: Level | 'silent';
  /** /ready is 503 while a projection is further behind the log than this many events. */
  readyMaxLag: number;
  /** After SIGTERM, the most time the process takes to finish what is in flight and close. */
  shutdownTimeoutMs: number;
}

/** Reads LOG_LEVEL, READY_MAX_LAG and SHUTDOWN_TIMEOUT_MS, already checked by validateSettings. */
export function operationsSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): OperationsSettings {
  return {
    logLevel: (env.LOG_LEVEL?.trim().toLowerCase() || 'info') as OperationsSettings['logLevel'],
    readyMaxLag: Number(env.READY_MAX_LAG?.trim() || 1000),
    shutdownTimeoutMs: Number(env.SHUTDOWN_TIMEOUT_MS?.trim() || 10_000),
  };
}
