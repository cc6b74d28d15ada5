/** The shape `parseLetter` returns: the same keys and words as the hand-made `*.gold.json` files. */
import type {
  DocumentType,
  FindingCategory,
  InspectionType,
  OverallJudgement as Judgement,
  PlanDeadline,
  SubJudgement,
  Timescale,
} from '@actionledger/domain';

export {
  DOCUMENT_TYPES,
  FINDING_CATEGORIES,
  INSPECTION_TYPES,
  OVERALL_JUDGEMENTS as JUDGEMENTS,
  TIMESCALES,
  type DocumentType,
  type FindingCategory,
  type InspectionType,
  type OverallJudgement as Judgement,
  type PlanDeadline,
  type SubJudgement,
  type Timescale,
} from '@actionledger/domain';

export interface ParsedFinding {
  category: FindingCategory;
  timescale: Timescale;
  /** One bullet or paragraph, whole, whitespace collapsed, without bullet marks, HTML or page furniture. */
  text: string;
}

/** An action a council reports having taken since the inspection (committee reports only). */
export interface ActionTaken {
  /** The heading of the area for development the action answers. */
  area: string;
  text: string;
  /** `YYYY-MM-DD` or `YYYY-MM` as precise as the text gives it, else null. */
  date: string | null;
}

export interface PreviousInspection {
  /** `YYYY-MM`; just `YYYY` when the document only gives a year; null when it gives no date. */
  date: string | null;
  /** Whether the document says the areas raised then have been addressed; null when it does not say. */
  areasAddressed: boolean | null;
}

export interface ParsedLetter {
  documentType: DocumentType;
  /** The authority's name as the document gives it in full; null when none can be found. */
  authority: string | null;
  inspectionType: InspectionType;
  /** `YYYY-MM-DD`, or null where the document carries no date of its own. */
  letterDate: string | null;
  /** Every day of the inspection visit, `YYYY-MM-DD`, in order. */
  inspectionDates: string[];
  inspector: string | null;
  overallJudgement: Judgement | null;
  /** A full report's sub-judgements ("The experiences and progress of children in care": good), in order. */
  judgements: SubJudgement[];
  /** When the plan is due, where the document says: `{ workingDays: 70 }` or `{ date: 'YYYY-MM-DD' }`. */
  planDeadline: PlanDeadline | null;
  previousInspection: PreviousInspection | null;
  findings: ParsedFinding[];
  actionsTaken: ActionTaken[];
}

/** Where in the input text something came from: character offsets (end exclusive) and 1-based line. */
export interface SourceSpan {
  start: number;
  end: number;
  line: number;
}

export type LetterField = Exclude<keyof ParsedLetter, 'findings' | 'actionsTaken'>;

export interface LetterSources {
  /** Where each field's value was read; absent for fields that were defaulted rather than read. */
  fields: Partial<Record<LetterField, SourceSpan>>;
  /** Same order and length as `letter.findings`. */
  findings: SourceSpan[];
  /** Same order and length as `letter.actionsTaken`. */
  actionsTaken: SourceSpan[];
}

export interface ParsedLetterWithSources {
  letter: ParsedLetter;
  sources: LetterSources;
}
