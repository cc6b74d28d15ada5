import type { CalendarDate } from '@actionledger/domain';
import Holidays from 'date-holidays';
import { addDays } from './london-date';

/** England's bank holidays (public holidays of GB-ENG in date-holidays; observances such as Mother's Day are not). */
const england = new Holidays('GB', 'ENG');
const bankHolidaysByYear = new Map<number, Set<CalendarDate>>();

function bankHolidays(year: number): Set<CalendarDate> {
  let days = bankHolidaysByYear.get(year);
  if (!days) {
    days = new Set(
      england
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public' || holiday.type === 'bank')
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    bankHolidaysByYear.set(year, days);
  }
  return days;
}

export function isEnglishWorkingDay(date: CalendarDate): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !bankHolidays(Number(date.slice(0, 4))).has(date);
}

/** The date `count` working days after `date` (the day itself is not counted). */
export function addEnglishWorkingDays(date: CalendarDate, count: number): CalendarDate {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`Not a count of working days: ${count}.`);
  let day = date;
  for (let left = count; left > 0;) {
    day = addDays(day, 1);
    if (isEnglishWorkingDay(day)) left -= 1;
  }
  return day;
}
