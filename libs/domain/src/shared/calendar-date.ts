/** A day in the calendar as `YYYY-MM-DD`: the format of every date a user enters or reads. */
export type CalendarDate = string;

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string') return false;
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function toCalendarDate(instant: Date): CalendarDate {
  return instant.toISOString().slice(0, 10);
}

/** Adds months then days; a day past the end of the target month clamps to its last day (31 Jan + 1 month = 28/29 Feb). */
export function addToCalendarDate(
  date: CalendarDate,
  offset: { months?: number; days?: number },
): CalendarDate {
  const [year, month, day] = date.split('-').map(Number);
  const targetMonthIndex = month - 1 + (offset.months ?? 0);
  const lastDayOfTarget = new Date(Date.UTC(year, targetMonthIndex + 1, 0)).getUTCDate();
  const shifted = new Date(Date.UTC(year, targetMonthIndex, Math.min(day, lastDayOfTarget)));
  shifted.setUTCDate(shifted.getUTCDate() + (offset.days ?? 0));
  return toCalendarDate(shifted);
}
