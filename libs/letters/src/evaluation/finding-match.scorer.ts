import type { ParsedFinding } from '../letter.types';

export interface FindingScore {
  matched: number;
  predicted: number;
  expected: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Text as compared: quotes and dashes unified, whitespace collapsed, case and trailing punctuation dropped. */
export function normaliseFindingText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[‘’`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.,;:!?]+$/, '')
    .toLowerCase();
}

/**
 * Precision, recall and F1 of predicted findings against expected ones. A prediction matches an expected
 * finding of the same category whose normalised text is equal; each expected finding is matched at most once.
 */
export function scoreFindings(predicted: ParsedFinding[], expected: ParsedFinding[]): FindingScore {
  const unmatched = expected.map(findingKey);
  let matched = 0;
  for (const finding of predicted) {
    const at = unmatched.indexOf(findingKey(finding));
    if (at < 0) continue;
    unmatched.splice(at, 1);
    matched += 1;
  }
  return findingScore(matched, predicted.length, expected.length);
}

/** Scores from counts. With nothing predicted (or nothing expected) the ratio is 1 only if both are empty. */
export function findingScore(matched: number, predicted: number, expected: number): FindingScore {
  const precision = predicted > 0 ? matched / predicted : expected === 0 ? 1 : 0;
  const recall = expected > 0 ? matched / expected : predicted === 0 ? 1 : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { matched, predicted, expected, precision, recall, f1 };
}

function findingKey(finding: ParsedFinding): string {
  return `${finding.category}\u0000${normaliseFindingText(finding.text)}`;
}
