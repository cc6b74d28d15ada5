import type { CliIo } from '../src/cli-io';
import { runCli } from '../src/cli-program';

/** Runs the CLI in-process against the given environment and captures what it prints. */
export async function run(
  argv: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    env,
    out: (text) => (out += text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => (err += text),
  };
  const code = await runCli(argv, io);
  return { code, out, err };
}
