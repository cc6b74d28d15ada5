import type { CalendarDate } from '../shared/calendar-date';
import type { DomainEvent } from '../shared/decider';
import type { PlanDeadline } from '../letter-import/letter-proposal';
import type { InspectionType, OverallJudgement } from '../shared/vocabulary';

export interface InspectionDetails {
  authority: string;
  inspectionType: InspectionType;
  inspectionDates: CalendarDate[];
  letterDate: CalendarDate | null;
  inspector: string | null;
  overallJudgement: OverallJudgement | null;
  /** The deadline the letter sets for the action plan, where it sets one (absent on inspections recorded before). */
  planDeadline?: PlanDeadline | null;
}

export type InspectionRecorded = DomainEvent<
  'InspectionRecorded',
  InspectionDetails & { inspectionId: string; organisationId: string; recordedAt: string }
>;

/** Recorded by mistake or twice: its findings and actions leave every list and report; the trail keeps them. */
export type InspectionWithdrawn = DomainEvent<
  'InspectionWithdrawn',
  { inspectionId: string; reason: string; withdrawnAt: string }
>;

export type InspectionEvent = InspectionRecorded | InspectionWithdrawn;
