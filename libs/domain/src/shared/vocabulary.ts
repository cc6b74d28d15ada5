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
  'looked_after_children',
  'focused_visit',
  'monitoring_visit',
  'joint_targeted_area_inspection',
  /** An inspection of local authority children's services (ILACS, standard or short; the SIF before it). */
  'local_authority_childrens_services',
  'other',
] as const;
export type InspectionType = (typeof INSPECTION_TYPES)[number];

/** `requires_improvement` is the current frameworks' "requires improvement to be good". */
export const OVERALL_JUDGEMENTS = [
  'outstanding',
  'good',
  'requires_improvement',
  'adequate',
  'inadequate',
] as const;
export type OverallJudgement = (typeof OVERALL_JUDGEMENTS)[number];

export const DOCUMENT_TYPES = [
  'inspection_letter',
  'inspection_report',
  'inspection_summary',
  'committee_report',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
