import type { CalendarDate } from '@actionledger/domain';
import { addEnglishWorkingDays } from '../calendar/working-days';
import type { FindingDoc, InspectionDoc } from '../plans/plan-documents';

/** Ofsted expects the written action plan within 70 working days of the letter, 20 where it found priority actions. */
export const PLAN_DEADLINE_RULE = {
  workingDays: 70,
  workingDaysWithPriorityActions: 20,
  calendar: "England's working days: Monday to Friday, less England's bank holidays (date-holidays, GB-ENG).",
} as const;

export interface PlanDeadline {
  /** Null until the inspection has a letter date. */
  date: CalendarDate | null;
  workingDays: number;
  from: CalendarDate | null;
}

export function planDeadline(inspection: InspectionDoc, findings: readonly FindingDoc[]): PlanDeadline {
  const workingDays = findings.some((finding) => finding.category === 'priority_action')
    ? PLAN_DEADLINE_RULE.workingDaysWithPriorityActions
    : PLAN_DEADLINE_RULE.workingDays;
  const from = inspection.letterDate;
  return { date: from === null ? null : addEnglishWorkingDays(from, workingDays), workingDays, from };
}
