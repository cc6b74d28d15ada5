import {
  FINDING_CATEGORIES,
  type ActionStatus,
  type CalendarDate,
  type FindingCategory,
  type InspectionRecorded,
} from '@actionledger/domain';
import {
  buildFollowUpView,
  evolveFollowUpDoc,
  evolvePlanDocuments,
  isOverdue,
  isPlanEvent,
  planDeadline,
  PLAN_DEADLINE_RULE,
  PLAN_RAG_RULE,
  ragStatus,
  type ActionDoc,
  type DocOf,
  type FindingDoc,
  type FollowUpDoc,
  type InspectionDoc,
  type PlanEvent,
} from '@actionledger/projections';
import type { FollowUpEvent } from '@actionledger/domain';
import {
  ACTIONABLE_CATEGORIES,
  type ActionableCategory,
  type CommitteeReport,
  type Person,
  type ReportAction,
  type ReportCounts,
  type ReportFinding,
} from './committee-report';
import { describeActionEvent, actionMove, type ActionTrail } from './action-trail';
import { evidenceFileOf, evidenceOf } from './evidence-summary';
import { dayOf } from './report-dates';
import { eventsOfInspection, type ReportEvent } from './report-event';

export interface CommitteeReportRequest {
  inspectionId: string;
  asOf: CalendarDate;
  since: CalendarDate | null;
  /** Every event of the log, or any part of it that holds the inspection's: the rest are passed over. */
  events: Iterable<ReportEvent>;
  /** Names and roles of the people who own actions (from the user directory). */
  person: (userId: string) => Person;
  auditHead: { digest: string; position: bigint } | null;
}

/**
 * Pure: the committee's progress report on one inspection's plan, as at the end of `asOf`, from the events
 * themselves. The rules (overdue, red/amber/green, the plan deadline) are the read models' own functions, fed
 * with documents folded from the same events, so the report and the plan page cannot disagree.
 * Null for an inspection the events do not hold, or one withdrawn.
 */
export function buildCommitteeReport(request: CommitteeReportRequest): CommitteeReport | null {
  const { asOf, since } = request;
  const events = eventsOfInspection(request.events, request.inspectionId).filter(
    (event) => dayOf(event.occurredAt) <= asOf,
  );
  const docs = new Map<string, DocOf[keyof DocOf]>();
  const view = {
    get: <Kind extends keyof DocOf>(kind: Kind, id: string) =>
      (docs.get(`${kind}:${id}`) as DocOf[Kind] | undefined) ?? null,
  };
  const followUps = new Map<string, FollowUpDoc>();
  const trails = new Map<string, ActionTrail>();
  let recorded: InspectionRecorded['data'] | null = null;
  for (const event of events) {
    if (event.type === 'InspectionRecorded') recorded = event.data as unknown as InspectionRecorded['data'];
    if (isPlanEvent(event)) {
      const before = 'actionId' in event.data ? view.get('action', event.data.actionId as string) : null;
      for (const change of evolvePlanDocuments(view, event as unknown as PlanEvent, event.position)) {
        docs.set(`${change.kind}:${idOf(change.doc)}`, change.doc);
      }
      if ('actionId' in event.data) recordTrail(trails, event, before, request, since);
    } else if (event.type === 'FollowUpScheduled' || event.type === 'FindingJudgedAtFollowUp') {
      const followUpEvent = event as unknown as FollowUpEvent;
      const id = followUpEvent.data.followUpId;
      const next = evolveFollowUpDoc(followUps.get(id) ?? null, followUpEvent);
      if (next) followUps.set(id, next);
    }
  }
  const inspection = view.get('inspection', request.inspectionId);
  if (!inspection || inspection.withdrawnAt || !recorded) return null;
  const allFindings = inspection.findingIds
    .map((id) => view.get('finding', id))
    .filter((finding): finding is FindingDoc => finding !== null);
  const allActions = allFindings.flatMap((finding) =>
    finding.actionIds.map((id) => view.get('action', id)).filter((a): a is ActionDoc => a !== null),
  );
  const counting = allActions.filter((action) => action.status !== 'withdrawn');
  const reportActions = new Map(
    allActions.map((doc) => [doc.actionId, reportAction(doc, trails.get(doc.actionId)!, request)]),
  );
  // A finding amended to a strength after its actions were planned keeps them: they are listed after the rest.
  const findings: ReportFinding[] = REPORT_ORDER.flatMap((category) =>
    allFindings
      .filter((finding) => finding.category === category)
      .filter((finding) => isActionable(category) || finding.actionIds.length > 0)
      .map((finding) => ({
        findingId: finding.findingId,
        category,
        timescale: finding.timescale,
        text: finding.text,
        status: finding.status,
        actions: finding.actionIds.map((id) => reportActions.get(id)).filter((a) => a !== undefined),
      })),
  );
  const deadline = planDeadline(inspection, allFindings);
  return {
    inspection: {
      inspectionId: inspection.inspectionId,
      organisationId: inspection.organisationId,
      authority: inspection.authority,
      inspectionType: inspection.inspectionType,
      inspectionDates: inspection.inspectionDates,
      letterDate: inspection.letterDate,
      inspector: recorded.inspector ?? null,
      overallJudgement: recorded.overallJudgement ?? null,
    },
    asOf,
    since,
    findingsByCategory: countByCategory(allFindings),
    strengths: allFindings.filter((f) => f.category === 'strength').map((f) => f.text),
    requirementsMet: allFindings.filter((f) => f.category === 'meets_requirements').map((f) => f.text),
    findings,
    counts: countActions(counting, [...reportActions.values()], asOf, since),
    rag: { status: ragStatus(counting, asOf), rule: PLAN_RAG_RULE },
    deadline: {
      ...deadline,
      rule: PLAN_DEADLINE_RULE,
      met: deadlineMet(deadline.date, findings, trails, asOf),
    },
    followUps: [...followUps.values()].map((followUp) => {
      const ready = buildFollowUpView(followUp, inspection, allFindings, allActions);
      return {
        followUpId: followUp.followUpId,
        expectedDate: followUp.expectedDate,
        findingsLookedAt: ready.findings.length,
        findingsReady: ready.findings.filter((finding) => finding.allVerified).length,
        readiness: ready.readiness,
      };
    }),
    auditHead: request.auditHead,
  };
}

const REPORT_ORDER: readonly FindingCategory[] = [...ACTIONABLE_CATEGORIES, 'strength', 'meets_requirements'];
const isActionable = (category: FindingCategory): category is ActionableCategory =>
  (ACTIONABLE_CATEGORIES as readonly string[]).includes(category);

const idOf = (doc: InspectionDoc | FindingDoc | ActionDoc): string =>
  'actionId' in doc ? doc.actionId : 'findingId' in doc ? doc.findingId : doc.inspectionId;

function recordTrail(
  trails: Map<string, ActionTrail>,
  event: ReportEvent,
  before: ActionDoc | null,
  request: CommitteeReportRequest,
  since: CalendarDate | null,
): void {
  const actionId = event.data.actionId as string;
  const trail = trails.get(actionId) ?? {
    description: null,
    recordedOn: null,
    moves: [],
    firstAssignedOn: null,
    completionSummary: null,
    evidence: [],
    evidenceFiles: [],
    withdrawnReason: null,
    since: [],
  };
  trails.set(actionId, trail);
  const on = dayOf(event.occurredAt);
  switch (event.type) {
    case 'ActionPlanned':
      trail.description = (event.data.description as string | null) ?? null;
      trail.recordedOn = (event.data.recordedOn as string | null) ?? null;
      break;
    case 'ActionAssigned':
      trail.firstAssignedOn ??= on;
      break;
    case 'ActionAmended': {
      const changes = event.data.changes as { description?: string | null };
      if (changes.description !== undefined) trail.description = changes.description;
      break;
    }
    case 'ActionCompleted':
      trail.completionSummary = event.data.summary as string;
      trail.evidence = evidenceOf(event);
      break;
    case 'ActionReopened':
      trail.completionSummary = null;
      trail.evidence = [];
      break;
    case 'ActionWithdrawn':
      trail.withdrawnReason = event.data.reason as string;
      break;
    case 'EvidenceAttached':
      trail.evidenceFiles.push(evidenceFileOf(event, request.person)!);
      break;
  }
  const move = actionMove(event, before, on);
  if (move) trail.moves.push(move);
  if (since === null || on >= since) {
    trail.since.push({ on, event: event.type, what: describeActionEvent(event, request.person) });
  }
}

function reportAction(doc: ActionDoc, trail: ActionTrail, request: CommitteeReportRequest): ReportAction {
  return {
    actionId: doc.actionId,
    title: doc.title,
    description: trail.description,
    owner: doc.ownerId === null ? null : request.person(doc.ownerId),
    status: doc.status,
    originalDueDate: doc.originalDueDate,
    dueDate: doc.dueDate,
    moves: trail.moves,
    recordedOn: trail.recordedOn,
    completedOn: doc.completedAt ? dayOf(doc.completedAt) : null,
    verifiedOn: doc.verifiedAt ? dayOf(doc.verifiedAt) : null,
    completionSummary: trail.completionSummary,
    evidence: trail.evidence,
    evidenceFiles: trail.evidenceFiles,
    overdue: doc.status !== 'withdrawn' && isOverdue(doc, request.asOf),
    overdueAgainstOriginal:
      doc.status !== 'withdrawn' &&
      isOverdue({ ...doc, dueDate: doc.originalDueDate ?? doc.dueDate }, request.asOf),
    withdrawnReason: doc.status === 'withdrawn' ? trail.withdrawnReason : null,
    since: trail.since,
  };
}

function countByCategory(findings: readonly FindingDoc[]): Record<FindingCategory, number> {
  const counts = Object.fromEntries(FINDING_CATEGORIES.map((c) => [c, 0])) as Record<FindingCategory, number>;
  for (const finding of findings) counts[finding.category] += 1;
  return counts;
}

function countActions(
  counting: readonly ActionDoc[],
  actions: readonly ReportAction[],
  asOf: CalendarDate,
  since: CalendarDate | null,
): ReportCounts {
  const byStatus: Record<ActionStatus, number> = {
    planned: 0,
    assigned: 0,
    completed: 0,
    verified: 0,
    withdrawn: 0,
  };
  for (const action of actions) byStatus[action.status] += 1;
  const live = actions.filter((action) => action.status !== 'withdrawn');
  const inPeriod = (day: string) => since === null || day >= since;
  const happened = (type: string) =>
    live.filter((action) => action.since.some((item) => item.event === type)).length;
  return {
    actions: counting.length,
    byStatus,
    completedNotVerified: byStatus.completed,
    verified: byStatus.verified,
    overdue: counting.filter((doc) => isOverdue(doc, asOf)).length,
    overdueAgainstOriginal: live.filter((action) => action.overdueAgainstOriginal).length,
    moved: live.filter((action) => action.moves.length > 0).length,
    since: {
      planned: happened('ActionPlanned'),
      completed: happened('ActionCompleted'),
      verified: happened('ActionVerified'),
      moves: live.reduce((sum, action) => sum + action.moves.filter((m) => inPeriod(m.on)).length, 0),
    },
  };
}

/**
 * The plan deadline is met when every finding that takes actions had one assigned (an owner and a due date) on
 * or before it; missed when the day has passed without; null while it is to come.
 */
function deadlineMet(
  date: CalendarDate | null,
  findings: readonly ReportFinding[],
  trails: ReadonlyMap<string, ActionTrail>,
  asOf: CalendarDate,
): boolean | null {
  if (date === null) return null;
  const planned = findings
    .filter((finding) => isActionable(finding.category))
    .every((finding) =>
      finding.actions.some((action) => {
        const assigned = trails.get(action.actionId)?.firstAssignedOn;
        return assigned !== null && assigned !== undefined && assigned <= date;
      }),
    );
  if (planned) return true;
  return asOf > date ? false : null;
}
