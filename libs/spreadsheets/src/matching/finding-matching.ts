import { significantStems } from '@actionledger/letters';

export interface KnownFinding {
  findingId: string;
  text: string;
}

/** A cell's finding numbering ("PA1:", "1.2", "(a)", "Recommendation 3 -") is not part of the finding. */
export function findingWords(text: string): string {
  return text
    .normalize('NFKC')
    .replace(
      /^\s*(?:recommendation|priority action|area for development|pa|afd|r)?\s*\d+(?:\.\d+)*[)\].:\-–]?\s+/i,
      '',
    )
    .replace(/^\s*\(?[a-z]\)\s+|^\s*[a-z]\.\s+/i, '')
    .replace(/[‘’`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.,;:!?]+$/, '')
    .toLowerCase();
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

/** How alike two findings' significant words must be to be taken as the same finding. */
const SAME_FINDING = 0.75;

/**
 * The inspection's finding a row answers: the same words (numbering and punctuation aside), the start of one
 * (a sheet often shortens the letter's sentence), or one clearly most alike by stemmed words; null otherwise,
 * and the row proposes a new finding.
 */
export function matchFinding(text: string, findings: readonly KnownFinding[]): string | null {
  const wanted = findingWords(text);
  if (wanted === '') return null;
  const exact = findings.find((finding) => findingWords(finding.text) === wanted);
  if (exact) return exact.findingId;
  if (wanted.length >= 25) {
    const starting = findings.filter((finding) => findingWords(finding.text).startsWith(wanted));
    if (starting.length === 1) return starting[0].findingId;
  }
  const stems = significantStems(wanted);
  const scored = findings
    .map((finding) => ({ finding, score: dice(stems, significantStems(finding.text)) }))
    .sort((a, b) => b.score - a.score);
  const [best, next] = scored;
  if (!best || best.score < SAME_FINDING || (next && next.score >= best.score - 0.05)) return null;
  return best.finding.findingId;
}
