import type { ProposedFinding } from '@actionledger/domain';

const STOP_WORDS = new Set(
  'a an and are as at be by for from has have in is it not of on or that the their there this to was were with'.split(
    ' ',
  ),
);

function significantWords(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((word) => word.length > 2 && !STOP_WORDS.has(word)),
  );
}

/**
 * The finding a reported action answers: the area for development (or priority action, or recommendation) whose
 * words overlap most with the action's area heading; null when none shares a word, for the lead to link by hand.
 */
export function findingAnsweredBy(
  area: string,
  findings: Pick<ProposedFinding, 'category' | 'text'>[],
): number | null {
  const areaWords = [...significantWords(area)];
  let best: { index: number; score: number } | null = null;
  for (const [index, finding] of findings.entries()) {
    if (finding.category === 'strength' || finding.category === 'meets_requirements') continue;
    const words = significantWords(finding.text);
    const shared = areaWords.filter((word) => words.has(word)).length;
    const score = shared / Math.max(1, areaWords.length);
    if (shared > 0 && (best === null || score > best.score)) best = { index, score };
  }
  return best?.index ?? null;
}
