import type { LetterProposal, TextSpan } from '@actionledger/domain';
import type { ParsedLetterWithSources } from '@actionledger/letters';
import { findingAnsweredBy } from './link-actions-to-findings';

/** The parser's reading of a letter, as a proposal the lead can correct: every value keeps where it came from. */
export function toLetterProposal({ letter, sources }: ParsedLetterWithSources): LetterProposal {
  const findings = letter.findings.map((finding, index) => ({
    ...finding,
    source: (sources.findings[index] as TextSpan | undefined) ?? null,
  }));
  return {
    documentType: letter.documentType,
    authority: letter.authority,
    inspectionType: letter.inspectionType,
    letterDate: letter.letterDate,
    inspectionDates: letter.inspectionDates,
    inspector: letter.inspector,
    overallJudgement: letter.overallJudgement,
    judgements: letter.judgements,
    planDeadline: letter.planDeadline,
    previousInspection: letter.previousInspection,
    findings,
    actionsTaken: letter.actionsTaken.map((action, index) => ({
      ...action,
      findingIndex: findingAnsweredBy(action.area, findings),
      source: (sources.actionsTaken[index] as TextSpan | undefined) ?? null,
    })),
  };
}
