import type { CalendarDate } from '../shared/calendar-date';
import type {
  DocumentType,
  FindingCategory,
  InspectionType,
  OverallJudgement,
  Timescale,
} from '../shared/vocabulary';

/** Where in the letter's text a proposed value was read: offsets (end exclusive) and 1-based line. */
export interface TextSpan {
  start: number;
  end: number;
  line: number;
}

export interface ProposedFinding {
  category: FindingCategory;
  timescale: Timescale;
  text: string;
  source: TextSpan | null;
}

/** An action a committee report says was already taken, linked to the finding it answers. */
export interface ProposedActionTaken {
  area: string;
  text: string;
  /** `YYYY-MM` or `YYYY-MM-DD`, as precise as the report is; null where it gives no date. */
  date: string | null;
  /** Index into `findings` of the finding it answers; null until someone links it. */
  findingIndex: number | null;
  source: TextSpan | null;
}

/** One sub-judgement of a full report's table: its heading as printed, and its grade. */
export interface SubJudgement {
  area: string;
  grade: OverallJudgement;
}

/**
 * When the council's plan is due: within N working days of receiving the letter (a focused visit's 70), or by
 * a fixed date (a JTAI's written statement of action).
 */
export type PlanDeadline = { workingDays: number } | { date: CalendarDate };

/** What an imported letter proposes to record: the lead reviews and corrects it before confirming. */
export interface LetterProposal {
  documentType: DocumentType;
  authority: string | null;
  inspectionType: InspectionType;
  letterDate: CalendarDate | null;
  inspectionDates: CalendarDate[];
  inspector: string | null;
  overallJudgement: OverallJudgement | null;
  /** The report's table of sub-judgements, in its order; empty for a letter. */
  judgements: SubJudgement[];
  planDeadline: PlanDeadline | null;
  previousInspection: { date: string | null; areasAddressed: boolean | null } | null;
  findings: ProposedFinding[];
  actionsTaken: ProposedActionTaken[];
}

/** The parts of a proposal a lead may replace in one edit; lists are replaced whole. */
export type LetterProposalChanges = Partial<Omit<LetterProposal, 'documentType'>>;

/** Problems that stop a proposal from being confirmed, each a sentence; empty when it can be. */
export function proposalProblems(proposal: LetterProposal): string[] {
  const problems: string[] = [];
  if (!proposal.authority?.trim()) problems.push('the authority is missing');
  if (proposal.inspectionDates.length === 0) problems.push('the inspection dates are missing');
  if (proposal.findings.length === 0) problems.push('there are no findings');
  proposal.findings.forEach((finding, index) => {
    if (!finding.text.trim()) problems.push(`finding ${index + 1} has no text`);
  });
  proposal.actionsTaken.forEach((action, index) => {
    const linked = action.findingIndex !== null && proposal.findings[action.findingIndex] !== undefined;
    if (!linked)
      problems.push(`action taken ${index + 1} ("${action.text.slice(0, 40)}") is not linked to a finding`);
  });
  return problems;
}
