import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

/** The repository's root, found from here whether this file runs from source or from dist/. */
function repositoryRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dir !== dirname(dir)) dir = dirname(dir);
  return dir;
}

const MAIN = join(repositoryRoot(), 'dist/apps/api/src/main.js');

/** The compiled API (`npm run build`) as a real process on a free port, as `npm start` runs it. */
export interface ApiProcess {
  baseUrl: string;
  child: ChildProcess;
  /** Everything the process wrote, for a failing test's message. */
  output(): string;
  kill(signal: NodeJS.Signals): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
    server.on('error', reject);
  });
}

export async function startApiProcess(env: NodeJS.ProcessEnv): Promise<ApiProcess> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` first (npm test does).`);
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    // Reminders only where a test asks for them (REMINDERS: 'on'), so that others leave no timers in Redis.
    env: { ...process.env, REMINDERS: 'off', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const api: ApiProcess = {
    baseUrl: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    kill: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
  await waitUntilHealthy(api);
  return api;
}

async function waitUntilHealthy(api: ApiProcess, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (api.child.exitCode !== null) throw new Error(`The API exited during start-up:\n${api.output()}`);
    try {
      if ((await fetch(`${api.baseUrl}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 50));
  }
  await api.kill('SIGKILL');
  throw new Error(`The API did not become healthy in ${timeoutMs} ms:\n${api.output()}`);
}

/** POSTs JSON and returns the status and parsed body. */
export async function postJson(
  baseUrl: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: { id?: string; position?: number; message?: string } }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as { id?: string; position?: number; message?: string },
  };
}
