import * as path from 'node:path';
import { readLettersWithGold, type LetterWithGold } from '../evaluation/letters-folder.evaluator';
import { locateLettersFolder, locateSharedFolder } from '../evaluation/letters-folder.locator';

/** The shared seed letters ($LETTERS_DIR, or shared/letters beside the repo); null where they are absent. */
export function seedLettersFolder(): string | null {
  return locateLettersFolder([__dirname, process.cwd()]);
}

/** The seed letters with their gold; none, with a printed reason, where the folder is absent. */
export function seedLetters(): LetterWithGold[] {
  const folder = seedLettersFolder();
  if (folder) return readLettersWithGold(folder);
  console.log('Leaving out the seed letters: ../shared/letters (or $LETTERS_DIR) is absent.');
  return [];
}

/** Extra letters of the same genre, written for these tests, with their gold. */
export const EXTRA_LETTERS_FOLDER = path.resolve(__dirname, '../../../../test/fixtures/letters');

/**
 * The real documents of today's genres with their gold ($LETTERS_REAL_DIR, or shared/letters-real beside the
 * repo); null where they are absent (they are not in the repository: Crown copyright, kept apart).
 */
export function realLettersFolder(): string | null {
  if (process.env.LETTERS_REAL_DIR) return path.resolve(process.env.LETTERS_REAL_DIR);
  return locateSharedFolder('letters-real', [__dirname, process.cwd()]);
}

/**
 * `describe(title, body)` over the folder; where it is absent, the suite is skipped, saying why (its body,
 * which reads the folder, is not run).
 */
export function describeWithFolder(
  folder: string | null,
  title: string,
  body: (folder: string) => void,
): void {
  if (folder) {
    describe(title, () => body(folder));
    return;
  }
  console.log(`Skipping "${title}": its folder (under ../shared beside the repo) is absent.`);
  describe.skip(title, () => {
    it('needs the shared documents folder', () => undefined);
  });
}
