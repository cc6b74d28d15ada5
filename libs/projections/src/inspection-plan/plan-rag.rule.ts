import type { CalendarDate } from '@actionledger/domain';
import { addDays, londonDate } from '../calendar/london-date';
import type { ActionDoc } from '../plans/plan-documents';
import { isOpen } from '../overdue-report/open-actions.index';

/** The plan's red/amber/green status: this rule is what the README states and every response carries. */
export const PLAN_RAG_RULE = {
  red: 'At least one priority action is overdue.',
  amber:
    'Otherwise, any action is overdue, or an open action is due within 14 days and has had no progress in the last 30 days.',
  green: 'Otherwise.',
  dueSoonDays: 14,
  noProgressDays: 30,
} as const;

export type RagStatus = 'red' | 'amber' | 'green';

export function isOverdue(doc: ActionDoc, today: CalendarDate): boolean {
  return isOpen(doc) && doc.dueDate < today;
}

export function ragStatus(actions: readonly ActionDoc[], today: CalendarDate): RagStatus {
  const overdue = actions.filter((action) => isOverdue(action, today));
  if (overdue.some((action) => action.category === 'priority_action')) return 'red';
  if (overdue.length > 0) return 'amber';
  const soon = addDays(today, PLAN_RAG_RULE.dueSoonDays);
  const stalledSince = addDays(today, -PLAN_RAG_RULE.noProgressDays);
  const stalled = actions.some(
    (action) =>
      isOpen(action) && action.dueDate <= soon && londonDate(new Date(action.lastActivityAt)) < stalledSince,
  );
  return stalled ? 'amber' : 'green';
}
