import type { CalendarDate } from '@actionledger/domain';
import { londonDate } from '@actionledger/projections';

const dayOfHour = new Map<string, CalendarDate>();

/**
 * The day in England an instant fell on: the report's days are England's, as the read models' are. England's
 * offset from UTC is whole hours and changes on the hour, so the answer is kept per UTC hour: a report reads
 * thousands of events, and asking Intl for each costs more than the rest of the report.
 */
export function dayOf(instant: string): CalendarDate {
  // Instants are written by toISOString (`…Z`, 24 characters); anything else is normalised first.
  const iso = instant.length === 24 && instant.endsWith('Z') ? instant : new Date(instant).toISOString();
  const hour = iso.slice(0, 13);
  let day = dayOfHour.get(hour);
  if (day === undefined) {
    day = londonDate(new Date(`${hour}:00:00.000Z`));
    if (dayOfHour.size > 100_000) dayOfHour.clear();
    dayOfHour.set(hour, day);
  }
  return day;
}

const LONG = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "16 November 2011": how committee papers write a date (and how the letter parser reads one back). */
export function longDate(date: string): string {
  if (/^\d{4}-\d{2}$/.test(date)) {
    return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${date}-01T00:00:00Z`),
    );
  }
  return LONG.format(new Date(`${date.slice(0, 10)}T00:00:00Z`));
}
