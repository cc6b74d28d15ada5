import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { evaluateLettersFolder, readLettersWithGold } from './letters-folder.evaluator';
import { locateLettersFolder } from './letters-folder.locator';

describe('letters folders', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'letters-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('finds shared/letters beside a folder the search starts in, walking up', () => {
    const letters = path.join(root, 'shared', 'letters');
    const deep = path.join(root, 'main', 'libs', 'letters', 'src');
    mkdirSync(letters, { recursive: true });
    mkdirSync(deep, { recursive: true });
    expect(locateLettersFolder([deep], {})).toBe(letters);
  });

  it('takes LETTERS_DIR first, and gives null when there is nothing to find', () => {
    expect(locateLettersFolder([root], { LETTERS_DIR: 'some/where' })).toBe(path.resolve('some/where'));
    expect(locateLettersFolder([root], {})).toBeNull();
  });

  it('reads only letters that have a gold file, and scores them', async () => {
    writeFileSync(path.join(root, 'a.txt'), 'Ofsted inspection\n\nStrengths\n\n- Plans are clear.\n');
    writeFileSync(
      path.join(root, 'a.gold.json'),
      JSON.stringify({
        documentType: 'inspection_letter',
        authority: null,
        inspectionType: 'other',
        letterDate: null,
        inspectionDates: [],
        inspector: null,
        overallJudgement: null,
        previousInspection: null,
        findings: [{ category: 'strength', timescale: 'none', text: 'Plans are clear.' }],
        actionsTaken: [],
      }),
    );
    writeFileSync(path.join(root, 'b.txt'), 'no gold for this one');
    expect(readLettersWithGold(root).map((letter) => letter.name)).toEqual(['a']);
    const summary = await evaluateLettersFolder(root);
    expect(summary.findings.f1).toBe(1);
    expect(Object.values(summary.fieldAccuracy).every((accuracy) => accuracy === 1)).toBe(true);
  });
});
