import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { Piscina } from 'piscina';
import { LetterInputError } from '../input/letter-input.error';
import type { ParsedLetterWithSources } from '../letter.types';
import type { ParsedUpload, UploadToParse } from './parse-upload.task';

export interface LetterParsingPoolOptions {
  /** Threads that parse at once; more uploads than that wait their turn. */
  threads?: number;
  /** A parse that runs longer than this is stopped (its thread ended) and the upload refused. */
  timeoutMs?: number;
}

export const DEFAULT_PARSE_TIMEOUT_MS = 60_000;

/** Half the machine's cores, at least one: parsing must never take every core from the API. */
export function defaultParseThreads(): number {
  return Math.max(1, Math.floor(availableParallelism() / 2));
}

/**
 * Reads and parses uploaded documents in worker threads, so that a large PDF never blocks the event loop: the
 * API keeps answering while it is read. Refusals (`LetterInputError`) are thrown here as they would be in
 * the thread.
 */
export class LetterParsingPool {
  private readonly pool: Piscina<UploadToParse, ParsedUpload>;
  private readonly timeoutMs: number;
  private parsing = 0;

  constructor(options: LetterParsingPoolOptions = {}) {
    const threads = options.threads ?? defaultParseThreads();
    this.timeoutMs = options.timeoutMs ?? DEFAULT_PARSE_TIMEOUT_MS;
    this.pool = new Piscina({ ...workerScript(), minThreads: 0, maxThreads: threads, idleTimeout: 30_000 });
  }

  /** How many uploads are being read or waiting to be, now. */
  get inFlight(): number {
    return this.parsing;
  }

  async parse(
    upload: UploadToParse,
  ): Promise<{ text: string; parsed: ParsedLetterWithSources; threadId: number }> {
    this.parsing += 1;
    try {
      const result = await this.pool
        .run(upload, { signal: AbortSignal.timeout(this.timeoutMs) })
        .catch((error: unknown) => {
          if ((error as Error | null)?.name !== 'AbortError') throw error;
          throw new LetterInputError(
            'unparseable',
            `"${upload.fileName}" took longer than ${this.timeoutMs / 1000} s to read; it was not imported.`,
          );
        });
      if (!result.ok) throw new LetterInputError(result.reason, result.message);
      return result;
    } finally {
      this.parsing -= 1;
    }
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}

/**
 * The task's file as it exists where this one runs: `.js` beside it in `dist/`; from source (ts-jest) only the
 * `.ts` exists, which a worker can load only with a TypeScript hook (sucrase: it strips types without
 * loading the compiler, so a thread starts in a second, not four) and the repo's path aliases.
 */
function workerScript(): { filename: string; execArgv?: string[]; env?: NodeJS.ProcessEnv } {
  const fromSource = __filename.endsWith('.ts');
  const filename = join(__dirname, `parse-upload.task.${fromSource ? 'ts' : 'js'}`);
  if (!fromSource) return { filename };
  return {
    filename,
    execArgv: [
      '--require',
      require.resolve('sucrase/register/ts'),
      '--require',
      require.resolve('tsconfig-paths/register'),
    ],
    env: { ...process.env, TS_NODE_PROJECT: resolve(__dirname, '../../../../tsconfig.json') }, // for tsconfig-paths
  };
}
