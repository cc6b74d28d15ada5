import type { ParsedLetter } from '../letter.types';

/**
 * A gold file as the parser's shape. Gold written before `judgements` and `planDeadline` existed (the seed
 * letters) has neither key; for those documents there are none, so they read as `[]` and `null`, in the key
 * order the parser gives.
 */
export function readGold(json: string): ParsedLetter {
  const gold = JSON.parse(json) as Partial<ParsedLetter>;
  return {
    documentType: gold.documentType!,
    authority: gold.authority ?? null,
    inspectionType: gold.inspectionType!,
    letterDate: gold.letterDate ?? null,
    inspectionDates: gold.inspectionDates ?? [],
    inspector: gold.inspector ?? null,
    overallJudgement: gold.overallJudgement ?? null,
    judgements: gold.judgements ?? [],
    planDeadline: gold.planDeadline ?? null,
    previousInspection: gold.previousInspection ?? null,
    findings: gold.findings ?? [],
    actionsTaken: gold.actionsTaken ?? [],
  };
}
