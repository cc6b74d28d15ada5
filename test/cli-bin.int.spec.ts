import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EXTRA_LETTERS_FOLDER } from '../libs/letters/src/testing/letters-folders';

const BIN = resolve(__dirname, '../bin/actionledger.js');

/** The installed command as a script calls it (compiled by `npm run build`, which `npm test` runs first). */
function actionledger(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('the actionledger command', () => {
  it('prints help and exits 0; exits 2 on an unknown command', () => {
    const help = actionledger(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/streams/);
    expect(help.out).toMatch(/letters/);
    expect(actionledger(['frobnicate']).code).toBe(2);
  });

  it('parses a letter to JSON on stdout', () => {
    const { code, out } = actionledger([
      'letters',
      'parse',
      join(EXTRA_LETTERS_FOLDER, 'redcar-2010-12-cra-letter.txt'),
      '--json',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(out).authority).toBe('Redcar and Cleveland Borough Council');
  });

  it('lists the streams of an empty log', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'actionledger-bin-'));
    try {
      const { code, out } = actionledger(['streams', 'list'], { DATA_DIR: dataDir });
      expect(code).toBe(0);
      expect(out).toBe('The log is empty.\n');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
