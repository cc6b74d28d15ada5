import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const API = join(ROOT, 'dist/apps/api/src/main.js');
const WORKER = join(ROOT, 'dist/apps/worker/src/main.js');

/** Runs a built entry point to its end with the given settings (it should refuse them before it listens). */
function start(entry: string, env: NodeJS.ProcessEnv) {
  const dataDir = mkdtempSync(join(tmpdir(), 'actionledger-bad-setting-'));
  try {
    return spawnSync(process.execPath, [entry], {
      env: { PATH: process.env.PATH, DATA_DIR: dataDir, PORT: '0', WORKER_PORT: '0', ...env },
      encoding: 'utf8',
      timeout: 20_000,
    });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('a bad setting stops the start', () => {
  beforeAll(() => {
    if (!existsSync(API)) throw new Error('dist/ is missing: run `npm run build` first.');
  });

  it.each([
    [
      'READY_MAX_LAG',
      'soon',
      /^ActionLedger could not start: READY_MAX_LAG must be a whole number of at least 0, not "soon"\.$/,
    ],
    ['REMINDER_SEND_AT', '25:00', /^ActionLedger could not start: REMINDER_SEND_AT must be a time HH:MM/],
    [
      'SMTP_URL',
      'http://user:secret@relay',
      /^ActionLedger could not start: SMTP_URL must be a URL starting smtp:\/\//,
    ],
    ['EVENT_STORE', 'postgres', /^ActionLedger could not start: EVENT_STORE=postgres needs DATABASE_URL/],
  ])('the API with %s=%s: exit code 1 and one line on stderr naming it', (name, value, line) => {
    const result = start(API, { [name]: value });
    expect(result.status).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr.trimEnd()).toMatch(line);
    expect(result.stderr).not.toContain('secret');
  });

  it('the worker with WORKER_PORT=web: exit code 1 and one line naming it', () => {
    const result = start(WORKER, { WORKER_PORT: 'web' });
    expect(result.status).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      'The ActionLedger worker could not start: WORKER_PORT must be a port number (0 to 65535), not "web".',
    ]);
  });
});
