import type { ActionTaken, ParsedFinding, ParsedLetter } from '../letter.types';
import { findingAnsweredBy } from '../linking/action-finding.linker';
import { normaliseFindingText } from './finding-match.scorer';

export interface LinkScore {
  /** Gold actions that the parse has (same area and text) and links to the same finding. */
  right: number;
  total: number;
}

/** A gold action may name the finding it answers; without one, the link is the linker's over the gold. */
type GoldAction = ActionTaken & { finding?: string };

/**
 * Scores each committee-report action's link to its finding, as the draft will make it: the parsed action
 * (matched to the gold one by area and text) linked over the parsed findings must land on a finding with the
 * same category and text as the one the gold action answers.
 */
export function scoreActionLinks(parsed: ParsedLetter, gold: ParsedLetter): LinkScore {
  const unmatched = [...parsed.actionsTaken];
  let right = 0;
  for (const action of gold.actionsTaken as GoldAction[]) {
    const expected = action.finding ?? linkedText(action, gold.findings);
    const at = unmatched.findIndex((candidate) => actionKey(candidate) === actionKey(action));
    if (at < 0) continue;
    const [found] = unmatched.splice(at, 1);
    const linked = linkedFinding(found, parsed.findings);
    const expectedFinding = gold.findings.find(
      (finding) => normaliseFindingText(finding.text) === normaliseFindingText(expected ?? ''),
    );
    if (
      expected !== null &&
      linked !== null &&
      normaliseFindingText(linked.text) === normaliseFindingText(expected) &&
      (!expectedFinding || expectedFinding.category === linked.category)
    ) {
      right += 1;
    } else if (expected === null && linked === null) {
      right += 1;
    }
  }
  return { right, total: gold.actionsTaken.length };
}

function linkedFinding(action: ActionTaken, findings: ParsedFinding[]): ParsedFinding | null {
  const index = findingAnsweredBy(action.area, findings);
  return index === null ? null : findings[index];
}

function linkedText(action: ActionTaken, findings: ParsedFinding[]): string | null {
  return linkedFinding(action, findings)?.text ?? null;
}

function actionKey(action: ActionTaken): string {
  return `${normaliseFindingText(action.area)}\u0000${normaliseFindingText(action.text)}`;
}
