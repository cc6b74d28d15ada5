import { FINDING_CATEGORIES, type CalendarDate, type FindingCategory } from '@actionledger/domain';
import { countActions, inspectionHeader, type ActionCounts } from '../inspection-plan/inspection-plan.view';
import { planDeadline } from '../inspection-plan/plan-deadline';
import { ragStatus, type RagStatus } from '../inspection-plan/plan-rag.rule';
import type { ActionDoc, FindingDoc, InspectionDoc } from '../plans/plan-documents';

export interface InspectionSummary {
  inspectionId: string;
  authority: string;
  inspectionType: string;
  inspectionDates: CalendarDate[];
  letterDate: CalendarDate | null;
  findings: { total: number; byCategory: Record<FindingCategory, number> };
  actions: ActionCounts;
  rag: RagStatus;
  /** The plan's deadline, as the plan route gives it (null until the inspection has a letter date). */
  deadline: CalendarDate | null;
}

/** Pure: one line of the inspections list, judged today. */
export function summariseInspection(
  inspection: InspectionDoc,
  findings: readonly FindingDoc[],
  actions: readonly ActionDoc[],
  today: CalendarDate,
): InspectionSummary {
  const byCategory = Object.fromEntries(FINDING_CATEGORIES.map((category) => [category, 0])) as Record<
    FindingCategory,
    number
  >;
  for (const finding of findings) byCategory[finding.category] += 1;
  return {
    ...inspectionHeader(inspection),
    findings: { total: findings.length, byCategory },
    actions: countActions(actions, today),
    rag: ragStatus(actions, today),
    deadline: planDeadline(inspection, findings).date,
  };
}
