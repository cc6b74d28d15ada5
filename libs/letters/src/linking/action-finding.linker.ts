import stem from 'wink-porter2-stemmer';
import type { FindingCategory } from '../letter.types';

/** Words that say nothing about what an area is about. */
const STOP_WORDS = new Set(
  (
    'a an and are as at be been being by for from has have in is it its not of on or that the their there these ' +
    'this those to was were will with which who would should can could may more most all any some such than ' +
    'also into within across over under'
  ).split(' '),
);

/** Categories an action can answer: what the inspection asked to be improved. */
const ANSWERABLE: ReadonlySet<FindingCategory> = new Set([
  'area_for_development',
  'priority_action',
  'recommendation',
]);

/** The distinct stems of a text's significant words: "thresholds" and "threshold" are one. */
export function significantStems(text: string): Set<string> {
  const words = text.toLowerCase().match(/\p{L}[\p{L}\p{N}]*/gu) ?? [];
  return new Set(words.filter((word) => word.length > 2 && !STOP_WORDS.has(word)).map((word) => stem(word)));
}

/**
 * The finding a reported action answers: the area for development (or priority action, or recommendation)
 * most like the action's area heading, by the cosine of their stemmed words weighted by rarity across the
 * document's findings (TF-IDF), so that a word every finding uses ("children", "service") counts for little
 * and a short finding is not outweighed by a long one; the earlier on a tie; null when none shares a word, for
 * the lead to link by hand.
 */
export function findingAnsweredBy(
  area: string,
  findings: ReadonlyArray<{ category: FindingCategory; text: string }>,
): number | null {
  const stemsOf = findings.map((finding) => significantStems(finding.text));
  const areaStems = significantStems(area);
  const weight = (word: string) => {
    const containing = stemsOf.filter((stems) => stems.has(word)).length;
    return Math.log((1 + findings.length) / (1 + containing)) + 1;
  };
  const norm = (stems: Set<string>) =>
    Math.sqrt([...stems].reduce((sum, word) => sum + weight(word) ** 2, 0));
  const areaNorm = norm(areaStems);
  let best: { index: number; score: number } | null = null;
  for (const [index, finding] of findings.entries()) {
    if (!ANSWERABLE.has(finding.category)) continue;
    const shared = [...areaStems].filter((word) => stemsOf[index].has(word));
    if (shared.length === 0) continue;
    const score =
      shared.reduce((sum, word) => sum + weight(word) ** 2, 0) / (areaNorm * norm(stemsOf[index]));
    if (best === null || score > best.score) best = { index, score };
  }
  return best?.index ?? null;
}
