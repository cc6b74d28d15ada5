/** The shape `parseLetter` returns: the same keys and words as the hand-made `*.gold.json` files. */

export const DOCUMENT_TYPES = [
  'inspection_letter',
  'inspection_report',
  'inspection_summary',
  'committee_report',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const INSPECTION_TYPES = [
  'contact_referral_assessment',
  'child_protection',
  'safeguarding_and_looked_after_children',
  'other',
] as const;
export type InspectionType = (typeof INSPECTION_TYPES)[number];

export const FINDING_CATEGORIES = [
  'strength',
  'meets_requirements',
  'area_for_development',
  'priority_action',
  'recommendation',
] as const;
export type FindingCategory = (typeof FINDING_CATEGORIES)[number];

export const TIMESCALES = ['immediately', 'within_3_months', 'within_6_months', 'none'] as const;
export type Timescale = (typeof TIMESCALES)[number];

export const JUDGEMENTS = ['outstanding', 'good', 'adequate', 'inadequate'] as const;
export type Judgement = (typeof JUDGEMENTS)[number];

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
