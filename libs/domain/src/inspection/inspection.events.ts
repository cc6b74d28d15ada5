import type { CalendarDate } from '../shared/calendar-date';
import type { DomainEvent } from '../shared/decider';
import type { InspectionType, OverallJudgement } from '../shared/vocabulary';

export interface InspectionDetails {
  authority: string;
  inspectionType: InspectionType;
  inspectionDates: CalendarDate[];
  letterDate: CalendarDate | null;
  inspector: string | null;
  overallJudgement: OverallJudgement | null;
}

export type InspectionRecorded = DomainEvent<
  'InspectionRecorded',
  InspectionDetails & { inspectionId: string; organisationId: string; recordedAt: string }
>;

export type InspectionEvent = InspectionRecorded;
