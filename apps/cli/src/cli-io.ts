/** Where the CLI reads its configuration and writes its output; tests pass their own. */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  out(text: string): void;
  err(text: string): void;
  /** Where a progress bar may be drawn: the terminal, when stderr is one; absent, progress is printed as lines. */
  terminal?: NodeJS.WriteStream;
}

export const processIo: CliIo = {
  env: process.env,
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  terminal: process.stderr.isTTY ? process.stderr : undefined,
};
