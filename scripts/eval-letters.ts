/**
 * Scores the letter parser against hand-made gold files: `npm run eval:letters [-- FOLDER]`.
 * FOLDER defaults to the shared seed letters ($LETTERS_DIR, or shared/letters beside the repo).
 */
import { existsSync } from 'node:fs';
import { evaluateLettersFolder, formatEvaluationTable, locateLettersFolder } from '@actionledger/letters';

function main(): number {
  const folder = process.argv[2] ?? locateLettersFolder([process.cwd(), __dirname]);
  if (!folder || !existsSync(folder)) {
    console.error(`No letters folder ${folder ? `at ${folder}` : 'found'}: pass one, or set LETTERS_DIR.`);
    return 1;
  }
  const summary = evaluateLettersFolder(folder);
  if (summary.letters.length === 0) {
    console.error(`No NAME.txt with a NAME.gold.json in ${folder}.`);
    return 1;
  }
  console.log(`Letters in ${folder}\n`);
  console.log(formatEvaluationTable(summary));
  return 0;
}

process.exitCode = main();
