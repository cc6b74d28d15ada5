import type {
  ActionEvent,
  ActionStatus,
  CalendarDate,
  FindingCategory,
  FindingEvent,
  InspectionEvent,
  InspectionType,
  Timescale,
} from '@actionledger/domain';

/** The documents every plan read model is built from, one per inspection, finding and action. */
export interface InspectionDoc {
  inspectionId: string;
  organisationId: string;
  authority: string;
  inspectionType: InspectionType;
  inspectionDates: CalendarDate[];
  letterDate: CalendarDate | null;
  recordedAt: string;
  findingIds: string[];
  /** The deadline the letter set for the plan, where it set one; else the default rule applies. */
  planDeadline?: { workingDays: number } | { date: CalendarDate } | null;
  /** Recorded by mistake or twice: it, its findings and its actions leave every list. */
  withdrawnAt?: string | null;
}

export interface FindingDoc {
  findingId: string;
  inspectionId: string;
  organisationId: string;
  category: FindingCategory;
  timescale: Timescale;
  text: string;
  status: 'open' | 'resolved';
  raisedAt: string;
  actionIds: string[];
  inspectionWithdrawn?: boolean;
}

/** Why and when a lead sent a completed or verified action back to its owner. */
export interface SentBack {
  reason: string;
  at: string;
}

export interface ActionDoc {
  actionId: string;
  findingId: string;
  inspectionId: string;
  organisationId: string;
  category: FindingCategory;
  title: string;
  status: ActionStatus;
  ownerId: string | null;
  dueDate: CalendarDate | null;
  /** The due date it was first given. */
  originalDueDate: CalendarDate | null;
  /** How many times its due date moved after it was first given. */
  timesMoved: number;
  plannedAt: string;
  /** The last time someone did something on it (assigned, progress, completed...): "no progress in 30 days". */
  lastActivityAt: string;
  completedAt: string | null;
  verifiedAt: string | null;
  /** Set when a lead reopens it ("sent back") and cleared when it is completed again. */
  sentBack?: SentBack | null;
  /** Its place in plan order: the log position of ActionPlanned, zero-padded so that it sorts as text. */
  sequence: string;
  inspectionWithdrawn?: boolean;
}

/** Whether a document still counts in the lists: not of a withdrawn inspection. */
export const counts = (doc: { inspectionWithdrawn?: boolean; withdrawnAt?: string | null }): boolean =>
  !doc.inspectionWithdrawn && !doc.withdrawnAt;

/** ActionAddedToFinding is left out: a finding's actions come from ActionPlanned, which carries more. */
export type PlanEvent =
  InspectionEvent | Exclude<FindingEvent, { type: 'ActionAddedToFinding' }> | ActionEvent;

export const PLAN_EVENT_TYPES: ReadonlySet<PlanEvent['type']> = new Set<PlanEvent['type']>([
  'InspectionRecorded',
  'FindingRaised',
  'FindingResolved',
  'ActionPlanned',
  'ActionAssigned',
  'ActionReassigned',
  'ActionRescheduled',
  'ProgressRecorded',
  'ActionCompleted',
  'ActionVerified',
  'ActionReopened',
  'ActionWithdrawn',
  'ActionAmended',
  'EvidenceAttached',
  'FindingAmended',
  'FindingReopened',
  'InspectionWithdrawn',
]);

export function isPlanEvent<Event extends { type: string }>(event: Event): event is Event & PlanEvent {
  return PLAN_EVENT_TYPES.has(event.type as PlanEvent['type']);
}

export type DocKind = 'inspection' | 'finding' | 'action';
export interface DocOf {
  inspection: InspectionDoc;
  finding: FindingDoc;
  action: ActionDoc;
}
/** `kind:id`, the name of one document. */
export type DocRef = `${DocKind}:${string}`;

export const docRef = (kind: DocKind, id: string): DocRef => `${kind}:${id}`;

export function parseDocRef(ref: DocRef): { kind: DocKind; id: string } {
  const colon = ref.indexOf(':');
  return { kind: ref.slice(0, colon) as DocKind, id: ref.slice(colon + 1) };
}

export function positionKey(position: bigint): string {
  return position.toString().padStart(20, '0');
}
