import type { UserDirectory } from '@actionledger/auth';
import {
  dueSoonReport,
  listFollowUps,
  listInspections,
  overdueReport,
  type InspectionSummary,
  type ReadModelContext,
} from '@actionledger/projections';
import { actionRow } from './action-row';

/** How far ahead "due soon" looks on a home page, in days. */
export const DUE_SOON_DAYS = 14;
const PLANS_SHOWN = 20;

/** A lead's home: what is late, what is coming, how each plan stands, and the next inspections. */
export async function leadHomeViewModel(
  context: ReadModelContext,
  directory: UserDirectory,
  organisationId: string,
) {
  const [overdue, dueSoon, inspections, followUps] = await Promise.all([
    overdueReport(context, organisationId, { category: 'priority_action' }),
    dueSoonReport(context, organisationId, { days: String(DUE_SOON_DAYS) }),
    listInspections(context, organisationId, { limit: String(PLANS_SHOWN) }),
    listFollowUps(context, organisationId, {}),
  ]);
  return {
    title: 'Your plans',
    today: overdue.today,
    overdue: overdue.items.map((item) => ({ ...actionRow(item, directory), daysOverdue: item.daysOverdue })),
    dueSoon: dueSoon.items.map((item) => ({
      ...actionRow(item, directory),
      daysUntilDue: item.daysUntilDue,
    })),
    dueSoonDays: DUE_SOON_DAYS,
    plans: planRows(inspections.items),
    followUps: followUps.items.map((followUp) => ({
      followUpId: followUp.followUpId,
      authority: followUp.authority,
      expectedDate: followUp.expectedDate,
      followsInspectionId: followUp.followsInspectionId,
      findings: followUp.findings.length,
      ready: followUp.findings.filter((finding) => finding.allVerified).length,
      readiness: followUp.readiness,
    })),
  };
}

/** Each inspection's plan, as `GET /api/inspections` lists it: RAG status, deadline, how far its actions are. */
export function planRows(inspections: readonly InspectionSummary[]) {
  return inspections.map((inspection) => {
    const { byStatus, total, overdue } = inspection.actions;
    return {
      inspectionId: inspection.inspectionId,
      authority: inspection.authority,
      inspectionType: inspection.inspectionType,
      letterDate: inspection.letterDate,
      rag: inspection.rag,
      deadline: inspection.deadline,
      actions: total - byStatus.withdrawn,
      overdue,
      completed: byStatus.completed + byStatus.verified,
      verified: byStatus.verified,
    };
  });
}
