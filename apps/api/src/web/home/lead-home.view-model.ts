import type { UserDirectory } from '@actionledger/auth';
import {
  dueSoonReport,
  getInspectionPlan,
  listFollowUps,
  listInspections,
  overdueReport,
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
    plans: await plansOf(
      context,
      organisationId,
      inspections.items.map((item) => item.inspectionId),
    ),
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

/** Each inspection's plan, as `GET /api/inspections/:id/plan` answers it: RAG status, deadline, shares. */
export async function plansOf(context: ReadModelContext, organisationId: string, inspectionIds: string[]) {
  const plans = await Promise.all(inspectionIds.map((id) => getInspectionPlan(context, organisationId, id)));
  return plans.flatMap((plan) =>
    plan
      ? [
          {
            inspectionId: plan.inspectionId,
            authority: plan.authority,
            inspectionType: plan.inspectionType,
            letterDate: plan.letterDate,
            rag: plan.rag.status,
            deadline: plan.deadline.date,
            actions: plan.actions.total,
            overdue: plan.actions.overdue,
            completedShare: plan.completedShare,
            verifiedShare: plan.verifiedShare,
          },
        ]
      : [],
  );
}
