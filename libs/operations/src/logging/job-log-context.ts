import type { Logger } from 'pino';
import { PinoLogger } from 'nestjs-pino';
import { storage, Store } from 'nestjs-pino/storage';

export interface JobLogBindings {
  job: string;
  jobId: string | undefined;
  /** The correlation id the job's events record, so that its log lines and its events name the same thing. */
  correlationId: string;
}

/**
 * Runs a background job so that every line logged inside it (Nest's Logger included, through nestjs-pino)
 * carries the job's name, id and correlation id, as a request's lines carry the request's.
 */
export function inJobLogContext<T>(
  bindings: JobLogBindings,
  work: () => Promise<T>,
  root: Logger | undefined = PinoLogger.root,
): Promise<T> {
  if (!root) return work(); // no JSON logger in this process (a test's): nothing to bind
  return storage.run(new Store(root.child(bindings)), work);
}
