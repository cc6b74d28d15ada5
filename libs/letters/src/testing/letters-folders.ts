import * as path from 'node:path';
import { locateLettersFolder } from '../evaluation/letters-folder.locator';

/** The shared seed letters ($LETTERS_DIR, or shared/letters beside the repo). */
export function seedLettersFolder(): string {
  const folder = locateLettersFolder([__dirname, process.cwd()]);
  if (!folder)
    throw new Error('Seed letters not found: set LETTERS_DIR or put them in shared/letters beside the repo.');
  return folder;
}

/** Extra letters of the same genre, written for these tests, with their gold. */
export const EXTRA_LETTERS_FOLDER = path.resolve(__dirname, '../../../../test/fixtures/letters');
