import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { extractLetterText } from '../extraction/extract-letter-text';
import type { ParsedLetter } from '../letter.types';
import { parseLetter } from '../parsing/parse-letter';
import { readGold } from './gold-letter.reader';
import { evaluateLetter, summariseEvaluations, type EvaluationSummary } from './letter-evaluation';

export interface LetterWithGold {
  name: string;
  text: string;
  gold: ParsedLetter;
}

/** Which form of each document to read: its text file, or its PDF through the project's own extraction. */
export type DocumentFormat = 'txt' | 'pdf';

/** The names of the documents in the folder that have a `NAME.<format>` and a `NAME.gold.json`, in order. */
export function documentsWithGold(folder: string, format: DocumentFormat): string[] {
  const files = new Set(readdirSync(folder));
  return [...files]
    .filter((file) => file.endsWith(`.${format}`) && files.has(file.replace(/\.[a-z]+$/, '.gold.json')))
    .map((file) => file.slice(0, -format.length - 1))
    .sort();
}

/** Every `NAME.txt` in the folder that has a `NAME.gold.json` beside it, in name order. */
export function readLettersWithGold(folder: string): LetterWithGold[] {
  return documentsWithGold(folder, 'txt').map((name) => ({
    name,
    text: readFileSync(path.join(folder, `${name}.txt`), 'utf8'),
    gold: goldOf(folder, name),
  }));
}

/** Every `NAME.pdf` with a gold file, its text read as an upload's would be (`extractLetterText`). */
export async function readPdfLettersWithGold(folder: string): Promise<LetterWithGold[]> {
  const letters: LetterWithGold[] = [];
  for (const name of documentsWithGold(folder, 'pdf')) {
    const bytes = readFileSync(path.join(folder, `${name}.pdf`));
    letters.push({ name, text: await extractLetterText(bytes, `${name}.pdf`), gold: goldOf(folder, name) });
  }
  return letters;
}

/** Parses every document of the folder in the given form and scores it against its gold. */
export async function evaluateLettersFolder(
  folder: string,
  format: DocumentFormat = 'txt',
): Promise<EvaluationSummary> {
  const letters = format === 'pdf' ? await readPdfLettersWithGold(folder) : readLettersWithGold(folder);
  return summariseEvaluations(
    letters.map(({ name, text, gold }) => evaluateLetter(name, parseOrError(text), gold)),
  );
}

function goldOf(folder: string, name: string): ParsedLetter {
  return readGold(readFileSync(path.join(folder, `${name}.gold.json`), 'utf8'));
}

function parseOrError(text: string): ParsedLetter | { error: string } {
  try {
    return parseLetter(text);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
