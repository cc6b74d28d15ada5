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
  /** Null where the letter fixed a date rather than a number of working days. */
  workingDays: number | null;
  from: CalendarDate | null;
  /** `letter`: the deadline the letter itself set; `rule`: the default rule below. */
  source: 'letter' | 'rule';
}

export function planDeadline(inspection: InspectionDoc, findings: readonly FindingDoc[]): PlanDeadline {
  const from = inspection.letterDate;
  const given = inspection.planDeadline;
  if (given && 'date' in given) return { date: given.date, workingDays: null, from, source: 'letter' };
  if (given) {
    const date = from === null ? null : addEnglishWorkingDays(from, given.workingDays);
    return { date, workingDays: given.workingDays, from, source: 'letter' };
  }
  const workingDays = findings.some((finding) => finding.category === 'priority_action')
    ? PLAN_DEADLINE_RULE.workingDaysWithPriorityActions
    : PLAN_DEADLINE_RULE.workingDays;
  return {
    date: from === null ? null : addEnglishWorkingDays(from, workingDays),
    workingDays,
    from,
    source: 'rule',
  };
}
