import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/** A built entry point (`dist/...`) run as a child process, its output kept for assertions. */
export class SpawnedProcess {
  output = '';
  private readonly child: ChildProcess;
  private readonly exited: Promise<void>;

  constructor(
    entry: string,
    env: NodeJS.ProcessEnv,
    readonly name = entry,
  ) {
    const script = join(ROOT, entry);
    if (!existsSync(script)) throw new Error(`${entry} is missing: run \`npm run build\` first.`);
    this.child = spawn(process.execPath, [script], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => this.child.once('exit', () => resolve()));
  }

  /** Resolves with the first match of `pattern` in the output; rejects if the process exits first. */
  async waitForOutput(pattern: RegExp, timeoutMs = 20_000): Promise<RegExpMatchArray> {
    const started = Date.now();
    for (;;) {
      const match = this.output.match(pattern);
      if (match) return match;
      if (this.child.exitCode !== null) throw new Error(`${this.name} exited:\n${this.output}`);
      if (Date.now() - started > timeoutMs) {
        throw new Error(`${this.name} printed nothing like ${pattern} in ${timeoutMs} ms:\n${this.output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** The port it said it listens on (`http://localhost:PORT`). */
  async port(): Promise<number> {
    return Number((await this.waitForOutput(/http:\/\/localhost:(\d+)/))[1]);
  }

  /** SIGKILL: no shutdown hook runs, the lease is left to expire, as when a machine dies. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    await this.exited;
  }
}
