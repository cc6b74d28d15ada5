import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildLetterPdf } from '../../../libs/letters/src/testing/letter-pdf.builder';
import { describeWithFolder, seedLettersFolder } from '../../../libs/letters/src/testing/letters-folders';
import { readGold } from '@actionledger/letters';
import { run } from './run-cli';

/** Empty where the shared seed letters are absent; the suites below then skip, saying why. */
const letters = seedLettersFolder() ?? '';

describeWithFolder(letters || null, 'actionledger letters parse', () => {
  let scratch: string;
  beforeEach(() => (scratch = mkdtempSync(join(tmpdir(), 'actionledger-letters-'))));
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it.each(readdirSync(letters).filter((name) => name.endsWith('.txt')))(
    'prints %s as JSON with exactly the keys of its gold file',
    async (name) => {
      const { code, out } = await run(['letters', 'parse', join(letters, name), '--json'], {});
      expect(code).toBe(0);
      const parsed = JSON.parse(out);
      const gold = readGold(readFileSync(join(letters, name.replace(/\.txt$/, '.gold.json')), 'utf8'));
      expect(Object.keys(parsed).sort()).toEqual(Object.keys(gold).sort());
      expect(parsed.authority).toBe(gold.authority);
      expect(parsed.findings.length).toBe(gold.findings.length);
    },
  );

  it('reads a PDF', async () => {
    const pdf = join(scratch, 'letter.pdf');
    writeFileSync(
      pdf,
      await buildLetterPdf(readFileSync(join(letters, 'durham-2011-03-cra-letter.txt'), 'utf8')),
    );
    const { code, out } = await run(['letters', 'parse', pdf], {});
    expect(code).toBe(0);
    expect(out).toContain('Durham County Council');
    expect(out).toMatch(/\[priority_action, immediately\]|\[area_for_development\]|\[strength\]/);
  });

  it('exits 2 with a clear error for a file that is not a letter, and 3 for a missing file', async () => {
    const list = join(scratch, 'list.txt');
    writeFileSync(list, 'Shopping list\n- eggs\n');
    const notALetter = await run(['letters', 'parse', list, '--json'], {});
    expect(notALetter.code).toBe(2);
    expect(notALetter.err).toMatch(/list\.txt: .*inspection letter/i);
    expect(notALetter.out).toBe('');

    const empty = join(scratch, 'empty.txt');
    writeFileSync(empty, '');
    expect((await run(['letters', 'parse', empty], {})).err).toMatch(/empty/i);

    const missing = await run(['letters', 'parse', join(scratch, 'nope.txt')], {});
    expect(missing.code).toBe(3);
  });
});
