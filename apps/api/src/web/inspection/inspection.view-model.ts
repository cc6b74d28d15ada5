import type { UserDirectory } from '@actionledger/auth';
import type { PlanView, WeekOfProgress } from '@actionledger/projections';
import { govukDate, statusTag } from '../rendering/view-filters';
import { progressChart } from './progress-chart';

/** The findings under their categories, categories in the order the letter first names them. */
export function findingsByCategory(findings: PlanView['findings']) {
  const groups = new Map<string, PlanView['findings']>();
  for (const finding of findings) {
    const group = groups.get(finding.category) ?? [];
    group.push(finding);
    groups.set(finding.category, group);
  }
  return [...groups].map(([category, members]) => ({ category, findings: members }));
}

/** An inspection's page: its plan's standing, its findings with their actions, and its progress week by week. */
export function inspectionViewModel(plan: PlanView, weeks: WeekOfProgress[], directory: UserDirectory) {
  // A plan names few owners and few dates many times over: unseal each name and format each date once.
  const ownerName = memo((ownerId: string) => directory.displayName(ownerId));
  const longDate = memo((date: string) => govukDate(date));
  return {
    title: `${plan.authority}: ${plan.inspectionType.replace(/_/g, ' ')}`,
    plan: {
      inspectionId: plan.inspectionId,
      authority: plan.authority,
      inspectionType: plan.inspectionType,
      inspectionDates: plan.inspectionDates.map(govukDate),
      letterDate: plan.letterDate,
      today: plan.today,
      rag: plan.rag.status,
      deadline: plan.deadline.date,
      actions: plan.actions,
      completedShare: plan.completedShare,
      verifiedShare: plan.verifiedShare,
    },
    categories: findingsByCategory(plan.findings).map(({ category, findings }) => ({
      category,
      findings: findings.map((finding) => ({
        ...finding,
        actions: finding.actions.map((action) => ({
          ...action,
          owner: action.ownerId ? ownerName(action.ownerId) : 'No one yet',
          due: action.dueDate ? longDate(action.dueDate) : govukDate(null),
          moved: action.timesMoved
            ? `moved ${action.timesMoved} ${action.timesMoved === 1 ? 'time' : 'times'}`
            : '',
          tag: statusTag(action.status),
        })),
      })),
    })),
    weeks,
    chart: progressChart(weeks),
  };
}

function memo(compute: (key: string) => string): (key: string) => string {
  const known = new Map<string, string>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) known.set(key, (value = compute(key)));
    return value;
  };
}
