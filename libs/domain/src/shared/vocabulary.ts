/** The words of Ofsted letters, shared by the API, the domain and the letter import. */
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

export const INSPECTION_TYPES = [
  'contact_referral_assessment',
  'child_protection',
  'safeguarding_and_looked_after_children',
  'other',
] as const;
export type InspectionType = (typeof INSPECTION_TYPES)[number];

export const OVERALL_JUDGEMENTS = ['outstanding', 'good', 'adequate', 'inadequate'] as const;
export type OverallJudgement = (typeof OVERALL_JUDGEMENTS)[number];

export const DOCUMENT_TYPES = [
  'inspection_letter',
  'inspection_report',
  'inspection_summary',
  'committee_report',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
