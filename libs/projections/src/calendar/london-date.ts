import { addToCalendarDate, type CalendarDate } from '@actionledger/domain';

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The calendar date in England at this instant. "Today", "due" and "overdue" are judged on it, not on the UTC
 * date, which is a day behind for the first hour of every day of British Summer Time.
 */
export function londonDate(instant: Date): CalendarDate {
  const parts = Object.fromEntries(LONDON.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return addToCalendarDate(date, { days });
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
