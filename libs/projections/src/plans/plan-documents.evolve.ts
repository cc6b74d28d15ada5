import { organisationOf, type OrganisationScoped } from '../organisation/organisation-of';
import {
  docRef,
  positionKey,
  type ActionDoc,
  type DocOf,
  type DocRef,
  type FindingDoc,
  type InspectionDoc,
  type PlanEvent,
} from './plan-documents';

/** The documents an event reads or changes: the ones it is about, and the parent it adds itself to. */
export function refsOf(event: PlanEvent): DocRef[] {
  switch (event.type) {
    case 'InspectionRecorded':
      return [docRef('inspection', event.data.inspectionId)];
    case 'FindingRaised':
      return [docRef('finding', event.data.findingId), docRef('inspection', event.data.inspectionId)];
    case 'FindingResolved':
    case 'FindingAmended':
    case 'FindingReopened':
      return [docRef('finding', event.data.findingId)];
    case 'InspectionWithdrawn':
      // Its findings and actions are loaded too, through the inspection (see PlansProjection).
      return [docRef('inspection', event.data.inspectionId)];
    case 'ActionPlanned':
      return [docRef('action', event.data.actionId), docRef('finding', event.data.findingId)];
    default:
      return [docRef('action', event.data.actionId)];
  }
}

/** Documents as they stand: `get` answers null for one that does not exist. */
export interface DocView {
  get<Kind extends keyof DocOf>(kind: Kind, id: string): DocOf[Kind] | null;
}

export type DocChange = { [Kind in keyof DocOf]: { kind: Kind; doc: DocOf[Kind] } }[keyof DocOf];

const withItem = (items: string[], item: string) => (items.includes(item) ? items : [...items, item]);

/**
 * The pure heart of the plan read models: from the documents as they stand and one event, the documents it
 * changes. An event about a document that does not exist (its root event was never seen) changes nothing.
 */
export function evolvePlanDocuments(docs: DocView, event: PlanEvent, position: bigint): DocChange[] {
  switch (event.type) {
    case 'InspectionRecorded': {
      const data = event.data as OrganisationScoped<typeof event.data>;
      if (docs.get('inspection', data.inspectionId)) return [];
      const inspection: InspectionDoc = {
        inspectionId: data.inspectionId,
        organisationId: organisationOf(data),
        authority: data.authority,
        inspectionType: data.inspectionType,
        inspectionDates: data.inspectionDates,
        letterDate: data.letterDate,
        recordedAt: data.recordedAt,
        findingIds: [],
        planDeadline: data.planDeadline ?? null,
      };
      return [{ kind: 'inspection', doc: inspection }];
    }
    case 'FindingRaised': {
      const data = event.data as OrganisationScoped<typeof event.data>;
      if (docs.get('finding', data.findingId)) return [];
      const finding: FindingDoc = {
        findingId: data.findingId,
        inspectionId: data.inspectionId,
        organisationId: organisationOf(data),
        category: data.category,
        timescale: data.timescale,
        text: data.text,
        status: 'open',
        raisedAt: data.raisedAt,
        actionIds: [],
      };
      const inspection = docs.get('inspection', data.inspectionId);
      const changes: DocChange[] = [{ kind: 'finding', doc: finding }];
      if (inspection) {
        const findingIds = withItem(inspection.findingIds, data.findingId);
        changes.push({ kind: 'inspection', doc: { ...inspection, findingIds } });
      }
      return changes;
    }
    case 'FindingResolved': {
      const finding = docs.get('finding', event.data.findingId);
      return finding ? [{ kind: 'finding', doc: { ...finding, status: 'resolved' } }] : [];
    }
    case 'FindingReopened': {
      const finding = docs.get('finding', event.data.findingId);
      return finding ? [{ kind: 'finding', doc: { ...finding, status: 'open' } }] : [];
    }
    case 'FindingAmended': {
      const finding = docs.get('finding', event.data.findingId);
      return finding ? [{ kind: 'finding', doc: { ...finding, ...event.data.changes } }] : [];
    }
    case 'InspectionWithdrawn': {
      const inspection = docs.get('inspection', event.data.inspectionId);
      if (!inspection) return [];
      const changes: DocChange[] = [
        { kind: 'inspection', doc: { ...inspection, withdrawnAt: event.data.withdrawnAt } },
      ];
      for (const findingId of inspection.findingIds) {
        const finding = docs.get('finding', findingId);
        if (!finding) continue;
        changes.push({ kind: 'finding', doc: { ...finding, inspectionWithdrawn: true } });
        for (const actionId of finding.actionIds) {
          const action = docs.get('action', actionId);
          if (action) changes.push({ kind: 'action', doc: { ...action, inspectionWithdrawn: true } });
        }
      }
      return changes;
    }
    case 'ActionPlanned': {
      const data = event.data as OrganisationScoped<typeof event.data>;
      const finding = docs.get('finding', data.findingId);
      if (docs.get('action', data.actionId) || !finding) return [];
      const action: ActionDoc = {
        actionId: data.actionId,
        findingId: data.findingId,
        inspectionId: finding.inspectionId,
        organisationId: organisationOf(data),
        category: finding.category,
        title: data.title,
        status: 'planned',
        ownerId: null,
        dueDate: null,
        originalDueDate: null,
        timesMoved: 0,
        plannedAt: data.plannedAt,
        lastActivityAt: data.plannedAt,
        completedAt: null,
        verifiedAt: null,
        sequence: positionKey(position),
      };
      return [
        { kind: 'action', doc: action },
        { kind: 'finding', doc: { ...finding, actionIds: withItem(finding.actionIds, data.actionId) } },
      ];
    }
    default: {
      const action = docs.get('action', event.data.actionId);
      return action ? [{ kind: 'action', doc: evolveAction(action, event) }] : [];
    }
  }
}

type LaterActionEvent = Exclude<
  Extract<PlanEvent, { data: { actionId: string } }>,
  { type: 'ActionPlanned' }
>;

function evolveAction(action: ActionDoc, event: LaterActionEvent): ActionDoc {
  switch (event.type) {
    case 'ActionAssigned':
      return {
        ...action,
        status: 'assigned',
        ownerId: event.data.ownerId,
        dueDate: event.data.dueDate,
        originalDueDate: action.originalDueDate ?? event.data.dueDate,
        lastActivityAt: event.data.assignedAt,
      };
    case 'ActionReassigned':
      return {
        ...action,
        ownerId: event.data.ownerId,
        dueDate: event.data.dueDate,
        timesMoved: action.timesMoved + (event.data.dueDate !== action.dueDate ? 1 : 0),
        lastActivityAt: event.data.reassignedAt,
      };
    case 'ActionRescheduled':
      return {
        ...action,
        dueDate: event.data.dueDate,
        timesMoved: action.timesMoved + 1,
        lastActivityAt: event.data.rescheduledAt,
      };
    case 'ProgressRecorded':
      return { ...action, lastActivityAt: event.data.recordedAt };
    case 'ActionCompleted':
      return {
        ...action,
        status: 'completed',
        completedAt: event.data.completedAt,
        sentBack: null,
        lastActivityAt: event.data.completedAt,
      };
    case 'ActionVerified':
      return { ...action, status: 'verified', verifiedAt: event.data.verifiedAt };
    case 'ActionReopened':
      return {
        ...action,
        status: 'assigned',
        completedAt: null,
        verifiedAt: null,
        sentBack: { reason: event.data.reason, at: event.data.reopenedAt },
        lastActivityAt: event.data.reopenedAt,
      };
    case 'ActionWithdrawn':
      return { ...action, status: 'withdrawn', lastActivityAt: event.data.withdrawnAt };
    case 'ActionAmended':
      return {
        ...action,
        ...(event.data.changes.title !== undefined && { title: event.data.changes.title }),
        lastActivityAt: event.data.amendedAt,
      };
    case 'ReminderSent':
    case 'ActionFellOverdue':
    case 'ActionEscalated':
    case 'ReminderFailed':
      return action; // not plan events (see PLAN_EVENT_TYPES): the plan does not change when a timer fires
    case 'EvidenceAttached':
      return { ...action, lastActivityAt: event.data.attachedAt };
    default: {
      const unknown: never = event;
      throw new Error(`Unhandled action event ${JSON.stringify(unknown)}`);
    }
  }
}
