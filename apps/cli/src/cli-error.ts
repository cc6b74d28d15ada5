/** Exit codes a script can rely on. */
export const EXIT = {
  ok: 0,
  /** Something went wrong that is not the caller's fault (the store is unreachable, say). */
  failure: 1,
  /** The command line or its input is wrong. */
  usage: 2,
  /** The thing asked for does not exist. */
  notFound: 3,
  /** The audit chain or an audit head does not verify: the log was changed. */
  tampered: 4,
} as const;

/** An error the CLI reports as one line on stderr, exiting with its code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
