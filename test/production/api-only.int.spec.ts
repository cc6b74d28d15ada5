import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Redis } from 'ioredis';

jest.setTimeout(60_000);

const MAIN = join(__dirname, '../../dist/apps/api/src/main.js');

describe('npm run start:api (--api-only)', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'actionledger-api-only-'))));
  afterEach(async () => {
    const redis = new Redis();
    const keys = await redis.keys(`test-${basename(dataDir)}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves HTTP but neither projects nor runs reminders, whatever PROJECTIONS and REMINDERS say', async () => {
    const api = spawn(process.execPath, [MAIN, '--api-only'], {
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        READ_MODEL_KEY_PREFIX: `test-${basename(dataDir)}`,
        PORT: '0',
        PROJECTIONS: 'on',
        REMINDERS: 'on',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    api.stdout.on('data', (chunk) => (output += chunk));
    api.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((done) => api.once('exit', (code) => done(code)));
    try {
      const deadline = Date.now() + 30_000;
      let port: string | undefined;
      while (!(port = /API on http:\/\/localhost:(\d+)/.exec(output)?.[1]) && Date.now() < deadline) {
        if (api.exitCode !== null) throw new Error(output);
        await new Promise((tick) => setTimeout(tick, 50));
      }
      expect(output).toContain('leaving projections and reminders to a worker');
      expect(output).not.toMatch(/Reconciled \d+ timers/); // the reminders module never started
      const health = (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as {
        projections: { leaseHolder: string | null };
      };
      expect(health.projections.leaseHolder).toBeNull(); // no runner competes for the lease
    } finally {
      api.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
