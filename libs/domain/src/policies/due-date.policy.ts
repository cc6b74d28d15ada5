import { addToCalendarDate, type CalendarDate } from '../shared/calendar-date';
import { TIMESCALES, type Timescale } from '../shared/vocabulary';

/** How long after a finding is raised its actions fall due by default; `null` means the lead must choose. */
export type DueDateOffset = { months?: number; days?: number } | null;
export type DueDatePolicy = Record<Timescale, DueDateOffset>;

/** The default due date of an action on a finding with this timescale, or null where the policy sets none. */
export function defaultDueDate(
  policy: DueDatePolicy,
  timescale: Timescale,
  raisedOn: CalendarDate,
): CalendarDate | null {
  const offset = policy[timescale];
  return offset ? addToCalendarDate(raisedOn, offset) : null;
}

/** Reads a policy from configuration (parsed JSON), naming every problem it finds. */
export function parseDueDatePolicy(json: unknown): DueDatePolicy {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new Error('The due-date policy must be an object with one entry per timescale.');
  }
  const entries = json as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(entries)) {
    if (!(TIMESCALES as readonly string[]).includes(key)) problems.push(`"${key}" is not a timescale`);
  }
  const policy = {} as DueDatePolicy;
  for (const timescale of TIMESCALES) {
    const offset = entries[timescale];
    if (offset === undefined || offset === null) {
      policy[timescale] = null;
      continue;
    }
    const { months, days, ...rest } = offset as Record<string, unknown>;
    const valid =
      typeof offset === 'object' &&
      Object.keys(rest).length === 0 &&
      [months, days].every((n) => n === undefined || (Number.isInteger(n) && (n as number) >= 0)) &&
      (months !== undefined || days !== undefined);
    if (!valid) {
      problems.push(`"${timescale}" must be null or {"months": n, "days": n} with whole numbers ≥ 0`);
      continue;
    }
    policy[timescale] = { months: months as number | undefined, days: days as number | undefined };
  }
  if (problems.length > 0) throw new Error(`Invalid due-date policy: ${problems.join('; ')}.`);
  return policy;
}
