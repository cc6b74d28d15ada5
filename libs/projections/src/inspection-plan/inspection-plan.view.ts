import type { ActionStatus, CalendarDate } from '@actionledger/domain';
import { daysBetween } from '../calendar/london-date';
import type { ActionDoc, FindingDoc, InspectionDoc, SentBack } from '../plans/plan-documents';
import { planDeadline, PLAN_DEADLINE_RULE, type PlanDeadline } from './plan-deadline';
import { isOverdue, PLAN_RAG_RULE, ragStatus, type RagStatus } from './plan-rag.rule';

/** An action rescheduled more than this many times is flagged. */
export const OFTEN_RESCHEDULED_AFTER = 2;

export type StatusCounts = Record<ActionStatus, number>;

export interface PlanActionView {
  actionId: string;
  title: string;
  status: ActionStatus;
  ownerId: string | null;
  dueDate: CalendarDate | null;
  originalDueDate: CalendarDate | null;
  timesMoved: number;
  rescheduledOften: boolean;
  overdue: boolean;
  daysOverdue: number;
  /** Present while a lead's reopening of it is not yet answered by a new completion. */
  sentBack?: SentBack;
}

export interface PlanView {
  inspectionId: string;
  authority: string;
  inspectionType: string;
  inspectionDates: CalendarDate[];
  letterDate: CalendarDate | null;
  today: CalendarDate;
  deadline: PlanDeadline & { rule: typeof PLAN_DEADLINE_RULE };
  rag: { status: RagStatus; rule: typeof PLAN_RAG_RULE };
  actions: ActionCounts;
  /** Share of actions completed (verified ones included): "addressed" by their owners. */
  completedShare: number | null;
  /** Share of actions verified by the lead; reported apart because addressed is not verified. */
  verifiedShare: number | null;
  findings: {
    findingId: string;
    category: string;
    timescale: string;
    text: string;
    status: 'open' | 'resolved';
    actions: PlanActionView[];
    byStatus: StatusCounts;
  }[];
}

export function countByStatus(actions: readonly ActionDoc[]): StatusCounts {
  const counts: StatusCounts = { planned: 0, assigned: 0, completed: 0, verified: 0, withdrawn: 0 };
  for (const action of actions) counts[action.status] += 1;
  return counts;
}

export interface ActionCounts {
  total: number;
  byStatus: StatusCounts;
  overdue: number;
}

export function countActions(actions: readonly ActionDoc[], today: CalendarDate): ActionCounts {
  return {
    total: actions.length,
    byStatus: countByStatus(actions),
    overdue: actions.filter((action) => isOverdue(action, today)).length,
  };
}

/** The inspection's own fields that every view of it repeats. */
export function inspectionHeader(inspection: InspectionDoc) {
  const { inspectionId, authority, inspectionType, inspectionDates, letterDate } = inspection;
  return { inspectionId, authority, inspectionType, inspectionDates, letterDate };
}

const share = (part: number, total: number) =>
  total === 0 ? null : Math.round((part / total) * 1000) / 1000;

export function actionView(action: ActionDoc, today: CalendarDate): PlanActionView {
  const overdue = isOverdue(action, today);
  return {
    actionId: action.actionId,
    title: action.title,
    status: action.status,
    ownerId: action.ownerId,
    dueDate: action.dueDate,
    originalDueDate: action.originalDueDate,
    timesMoved: action.timesMoved,
    rescheduledOften: action.timesMoved > OFTEN_RESCHEDULED_AFTER,
    overdue,
    daysOverdue: overdue && action.dueDate ? daysBetween(action.dueDate, today) : 0,
    ...(action.sentBack && { sentBack: action.sentBack }),
  };
}

/** Pure: one inspection's plan as it stands today. */
export function buildPlanView(
  inspection: InspectionDoc,
  findings: readonly FindingDoc[],
  actions: readonly ActionDoc[],
  today: CalendarDate,
): PlanView {
  const byFinding = new Map(findings.map((finding) => [finding.findingId, [] as ActionDoc[]]));
  for (const action of actions) byFinding.get(action.findingId)?.push(action);
  const byStatus = countByStatus(actions);
  return {
    ...inspectionHeader(inspection),
    today,
    deadline: { ...planDeadline(inspection, findings), rule: PLAN_DEADLINE_RULE },
    rag: { status: ragStatus(actions, today), rule: PLAN_RAG_RULE },
    actions: countActions(actions, today),
    completedShare: share(byStatus.completed + byStatus.verified, actions.length - byStatus.withdrawn),
    verifiedShare: share(byStatus.verified, actions.length - byStatus.withdrawn),
    findings: findings.map((finding) => {
      const own = byFinding.get(finding.findingId) ?? [];
      return {
        findingId: finding.findingId,
        category: finding.category,
        timescale: finding.timescale,
        text: finding.text,
        status: finding.status,
        actions: own.map((action) => actionView(action, today)),
        byStatus: countByStatus(own),
      };
    }),
  };
}
