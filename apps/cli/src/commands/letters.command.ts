import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { extractLetterText, isLetterInputError, MAX_LETTER_BYTES, parseLetter } from '@actionledger/letters';
import { Command } from 'commander';
import { CliError, EXIT } from '../cli-error';
import type { CliIo } from '../cli-io';

async function readLetterFile(file: string): Promise<Uint8Array> {
  const info = await stat(file).catch(() => {
    throw new CliError(`There is no file ${file}.`, EXIT.notFound);
  });
  if (!info.isFile()) throw new CliError(`${file} is not a file.`, EXIT.usage);
  // Refuse before reading a huge file into memory; extractLetterText says the same for what it is given.
  if (info.size > MAX_LETTER_BYTES) {
    throw new CliError(
      `${file} is larger than ${MAX_LETTER_BYTES / (1024 * 1024)} MB, the most a letter may be.`,
      EXIT.usage,
    );
  }
  return new Uint8Array(await readFile(file));
}

function describeLetter(letter: ReturnType<typeof parseLetter>): string {
  const lines = [
    `${letter.documentType} from ${letter.authority ?? '(authority not found)'} (${letter.inspectionType})`,
    `letter date ${letter.letterDate ?? '—'}; inspected ${letter.inspectionDates.join(', ') || '—'}; inspector ${letter.inspector ?? '—'}`,
    ...(letter.overallJudgement ? [`overall judgement: ${letter.overallJudgement}`] : []),
    '',
    ...letter.findings.map(
      (finding) =>
        `[${finding.category}${finding.timescale === 'none' ? '' : `, ${finding.timescale}`}] ${finding.text}`,
    ),
    ...(letter.actionsTaken.length > 0 ? ['', 'actions taken:'] : []),
    ...letter.actionsTaken.map(
      (action) => `  ${action.date ?? '(no date)'}  ${action.text}  — ${action.area}`,
    ),
  ];
  return lines.join('\n');
}

export function lettersCommand(io: CliIo): Command {
  const letters = new Command('letters').description('read inspection letters');

  letters
    .command('parse')
    .description(
      'extract the inspection, its findings and any actions taken from a letter (.txt, .md or .pdf)',
    )
    .argument('<file>', 'the letter')
    .option('--json', 'print the result as JSON, in the shape of the *.gold.json ground-truth files')
    .action(async (file: string, options: { json?: boolean }) => {
      const bytes = await readLetterFile(file);
      try {
        const letter = parseLetter(await extractLetterText(bytes, basename(file)));
        io.out(options.json ? JSON.stringify(letter, null, 2) : describeLetter(letter));
      } catch (error) {
        if (isLetterInputError(error)) throw new CliError(`${file}: ${error.message}`, EXIT.usage);
        throw error;
      }
    });

  return letters;
}
