import type { ActionStatus, FindingCategory, InspectionType, OverallJudgement } from '@actionledger/domain';

/** The words of the letters and of committee papers for the system's vocabulary. */
export const INSPECTION_TYPE_WORDS: Record<InspectionType, string> = {
  contact_referral_assessment: 'unannounced inspection of contact, referral and assessment arrangements',
  child_protection: 'inspection of child protection services',
  safeguarding_and_looked_after_children: 'inspection of safeguarding and looked after children services',
  looked_after_children: 'inspection of services for looked after children',
  focused_visit: 'focused visit',
  monitoring_visit: 'monitoring visit',
  joint_targeted_area_inspection: 'joint targeted area inspection',
  local_authority_childrens_services: "inspection of local authority children's services",
  other: 'inspection',
};

export const JUDGEMENT_WORDS: Record<OverallJudgement, string> = {
  outstanding: 'outstanding',
  good: 'good',
  requires_improvement: 'requires improvement to be good',
  adequate: 'adequate',
  inadequate: 'inadequate',
};

export const CATEGORY_WORDS: Record<FindingCategory, { one: string; many: string }> = {
  strength: { one: 'strength', many: 'strengths' },
  meets_requirements: { one: 'area meeting requirements', many: 'areas meeting requirements' },
  area_for_development: { one: 'area for development', many: 'areas for development' },
  priority_action: { one: 'area for priority action', many: 'areas for priority action' },
  recommendation: { one: 'recommendation', many: 'recommendations' },
};

export const STATUS_WORDS: Record<ActionStatus, string> = {
  planned: 'planned, not yet assigned',
  assigned: 'in progress',
  completed: 'completed, awaiting verification',
  verified: 'completed and verified',
  withdrawn: 'withdrawn',
};

export const RAG_WORDS = { red: 'Red', amber: 'Amber', green: 'Green' } as const;

/** "one", "two" … as committee papers write small counts; figures from ten. */
export function counted(count: number, one: string, many: string): string {
  const words = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
  return `${count < 10 ? words[count] : count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

export const times = (count: number) =>
  count === 1 ? 'once' : count === 2 ? 'twice' : `${count.toLocaleString('en-GB')} times`;
