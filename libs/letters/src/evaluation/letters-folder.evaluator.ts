import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ParsedLetter } from '../letter.types';
import { parseLetter } from '../parsing/parse-letter';
import { evaluateLetter, summariseEvaluations, type EvaluationSummary } from './letter-evaluation';

export interface LetterWithGold {
  name: string;
  text: string;
  gold: ParsedLetter;
}

/** Every `NAME.txt` in the folder that has a `NAME.gold.json` beside it, in name order. */
export function readLettersWithGold(folder: string): LetterWithGold[] {
  const files = new Set(readdirSync(folder));
  return [...files]
    .filter((file) => file.endsWith('.txt') && files.has(file.replace(/\.txt$/, '.gold.json')))
    .sort()
    .map((file) => ({
      name: file.replace(/\.txt$/, ''),
      text: readFileSync(path.join(folder, file), 'utf8'),
      gold: JSON.parse(
        readFileSync(path.join(folder, file.replace(/\.txt$/, '.gold.json')), 'utf8'),
      ) as ParsedLetter,
    }));
}

/** Parses every letter in the folder and scores it against its gold. */
export function evaluateLettersFolder(folder: string): EvaluationSummary {
  return summariseEvaluations(
    readLettersWithGold(folder).map(({ name, text, gold }) => evaluateLetter(name, parseOrError(text), gold)),
  );
}

function parseOrError(text: string): ParsedLetter | { error: string } {
  try {
    return parseLetter(text);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
