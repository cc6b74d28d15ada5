import type { CalendarDate } from '@actionledger/domain';
import { londonDate } from '@actionledger/projections';

/** The day in England an instant fell on: the report's days are England's, as the read models' are. */
export const dayOf = (instant: string): CalendarDate => londonDate(new Date(instant));

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
