import type {
  ActionStatus,
  CalendarDate,
  FindingCategory,
  InspectionType,
  OverallJudgement,
  Timescale,
} from '@actionledger/domain';
import type { PlanDeadline, RagStatus, PLAN_DEADLINE_RULE, PLAN_RAG_RULE } from '@actionledger/projections';
import type { ReportEvidenceFile } from './evidence-summary';

/** The findings that take actions, in the order a committee paper sets them out. */
export const ACTIONABLE_CATEGORIES = ['priority_action', 'area_for_development', 'recommendation'] as const;
export type ActionableCategory = (typeof ACTIONABLE_CATEGORIES)[number];

export interface Person {
  userId: string;
  name: string;
  roles: string[];
}

/** A due date that moved: by a reschedule (with its reason) or a reassignment that gave a new date. */
export interface DueDateMove {
  on: CalendarDate;
  from: CalendarDate;
  to: CalendarDate;
  reason: string | null;
  by: 'rescheduled' | 'reassigned';
}

/** One thing that happened to an action in the period the report covers. */
export interface ActionHappening {
  on: CalendarDate;
  /** The event's type: `ActionCompleted`, … */
  event: string;
  what: string;
}

export interface ReportAction {
  actionId: string;
  title: string;
  description: string | null;
  owner: Person | null;
  status: ActionStatus;
  originalDueDate: CalendarDate | null;
  dueDate: CalendarDate | null;
  moves: DueDateMove[];
  /** When an action imported from a council's report of work done says it was taken. */
  recordedOn: string | null;
  completedOn: CalendarDate | null;
  verifiedOn: CalendarDate | null;
  /** What the owner said was done, and the evidence they gave. */
  completionSummary: string | null;
  evidence: string[];
  /** Files attached as evidence, oldest first, each with who attached it and when. */
  evidenceFiles: ReportEvidenceFile[];
  overdue: boolean;
  overdueAgainstOriginal: boolean;
  withdrawnReason: string | null;
  since: ActionHappening[];
}

export interface ReportFinding {
  findingId: string;
  /** One that takes actions, or another kind of finding that has some (amended after they were planned). */
  category: FindingCategory;
  timescale: Timescale;
  text: string;
  status: 'open' | 'resolved';
  actions: ReportAction[];
}

export interface ReportCounts {
  /** Actions that count: withdrawn ones do not. */
  actions: number;
  byStatus: Record<ActionStatus, number>;
  /** Completed by their owners and waiting for a lead to verify: never counted as verified. */
  completedNotVerified: number;
  verified: number;
  overdue: number;
  overdueAgainstOriginal: number;
  /** Due dates moved at least once. */
  moved: number;
  since: { planned: number; completed: number; verified: number; moves: number };
}

export interface ReportFollowUp {
  followUpId: string;
  expectedDate: CalendarDate;
  /** Findings the follow-up will look at, and how many of them have every action verified. */
  findingsLookedAt: number;
  findingsReady: number;
  readiness: number | null;
}

export interface CommitteeReport {
  inspection: {
    inspectionId: string;
    organisationId: string;
    authority: string;
    inspectionType: InspectionType;
    inspectionDates: CalendarDate[];
    letterDate: CalendarDate | null;
    inspector: string | null;
    overallJudgement: OverallJudgement | null;
  };
  asOf: CalendarDate;
  /** The report covers what happened on and after this day; null: since the inspection. */
  since: CalendarDate | null;
  findingsByCategory: Record<FindingCategory, number>;
  /** Strengths and requirements met, as the letter gave them. */
  strengths: string[];
  requirementsMet: string[];
  findings: ReportFinding[];
  counts: ReportCounts;
  rag: { status: RagStatus; rule: typeof PLAN_RAG_RULE };
  deadline: PlanDeadline & {
    rule: typeof PLAN_DEADLINE_RULE;
    /** Met, missed, or null while it is still to come and not yet met. */
    met: boolean | null;
  };
  followUps: ReportFollowUp[];
  auditHead: { digest: string; position: bigint } | null;
}
