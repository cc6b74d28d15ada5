/**
 * Scores the letter parser against hand-made gold files: `npm run eval:letters [-- FOLDER]`.
 * FOLDER defaults to the shared seed letters ($LETTERS_DIR, or shared/letters beside the repo). Each document
 * is scored from its `NAME.txt` and, where there is one, from its `NAME.pdf` read through `extractLetterText`.
 */
import { existsSync } from 'node:fs';
import {
  documentsWithGold,
  evaluateLettersFolder,
  formatEvaluationTable,
  locateLettersFolder,
  type DocumentFormat,
} from '@actionledger/letters';

async function main(): Promise<number> {
  const folder = process.argv[2] ?? locateLettersFolder([process.cwd(), __dirname]);
  if (!folder || !existsSync(folder)) {
    console.error(`No letters folder ${folder ? `at ${folder}` : 'found'}: pass one, or set LETTERS_DIR.`);
    return 1;
  }
  const formats = (['txt', 'pdf'] as DocumentFormat[]).filter(
    (format) => documentsWithGold(folder, format).length > 0,
  );
  if (formats.length === 0) {
    console.error(`No NAME.txt or NAME.pdf with a NAME.gold.json in ${folder}.`);
    return 1;
  }
  for (const format of formats) {
    console.log(`Letters in ${folder}, read from .${format}\n`);
    console.log(formatEvaluationTable(await evaluateLettersFolder(folder, format)));
    console.log('');
  }
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
