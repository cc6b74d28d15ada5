import type { CalendarDate, FindingCategory } from '@actionledger/domain';
import { countByStatus, type StatusCounts } from '../inspection-plan/inspection-plan.view';
import type { ActionDoc, FindingDoc, InspectionDoc } from '../plans/plan-documents';
import type { FollowUpDoc } from './follow-ups.projection';

/** Letters say the areas for priority action and for development "will be specifically considered". */
export const FOLLOWED_UP_CATEGORIES: readonly FindingCategory[] = ['priority_action', 'area_for_development'];

export interface FollowUpView {
  followUpId: string;
  authority: string;
  expectedDate: CalendarDate;
  followsInspectionId: string;
  inspection: { letterDate: CalendarDate | null; inspectionDates: CalendarDate[] } | null;
  findings: {
    findingId: string;
    category: FindingCategory;
    text: string;
    status: 'open' | 'resolved';
    actions: { total: number; byStatus: StatusCounts };
    allVerified: boolean;
    judgement: FollowUpDoc['judgements'][string] | null;
  }[];
  /** Share of those findings whose actions (one at least) are all verified; null when there are none. */
  readiness: number | null;
}

/** Pure: a follow-up with the findings it will look at and how ready they are. */
export function buildFollowUpView(
  followUp: FollowUpDoc,
  inspection: InspectionDoc | null,
  findings: readonly FindingDoc[],
  actions: readonly ActionDoc[],
): FollowUpView {
  const looked = findings.filter((finding) => FOLLOWED_UP_CATEGORIES.includes(finding.category));
  const rows = looked.map((finding) => {
    const own = actions.filter((action) => action.findingId === finding.findingId);
    return {
      findingId: finding.findingId,
      category: finding.category,
      text: finding.text,
      status: finding.status,
      actions: { total: own.length, byStatus: countByStatus(own) },
      allVerified: own.length > 0 && own.every((action) => action.status === 'verified'),
      judgement: followUp.judgements[finding.findingId] ?? null,
    };
  });
  const ready = rows.filter((row) => row.allVerified).length;
  return {
    followUpId: followUp.followUpId,
    authority: followUp.authority,
    expectedDate: followUp.expectedDate,
    followsInspectionId: followUp.followsInspectionId,
    inspection: inspection
      ? { letterDate: inspection.letterDate, inspectionDates: inspection.inspectionDates }
      : null,
    findings: rows,
    readiness: rows.length === 0 ? null : Math.round((ready / rows.length) * 1000) / 1000,
  };
}
