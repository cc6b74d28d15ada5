import type { CalendarDate } from '@actionledger/domain';
import { addDays, isEnglishWorkingDay, londonDate } from '@actionledger/projections';
import type { SendAt } from '../reminders.config';

/**
 * How long after the send time a message still goes out that day: a worker busy at 08:00 sends at 08:20, but a
 * worker that was down all morning waits for the next send time rather than mail people in the evening.
 */
export const SEND_WINDOW_MS = 4 * 60 * 60 * 1000;

const LONDON_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** London's offset from UTC at an instant, in milliseconds (0 in winter, one hour in British Summer Time). */
function londonOffsetMs(instant: number): number {
  const parts = Object.fromEntries(
    LONDON_PARTS.formatToParts(new Date(instant)).map((part) => [part.type, Number(part.value)]),
  );
  const local = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
  return local - Math.floor(instant / 60_000) * 60_000;
}

const instants = new Map<string, number>();
const MAX_REMEMBERED = 50_000;

/** The instant it is `hour:minute` on `date` in London (remembered: planning asks for the same days again and again). */
export function londonInstant(date: CalendarDate, hour: number, minute: number): Date {
  const key = `${date} ${hour}:${minute}`;
  let instant = instants.get(key);
  if (instant === undefined) {
    const [year, month, day] = date.split('-').map(Number);
    const wall = Date.UTC(year, month - 1, day, hour, minute);
    const first = wall - londonOffsetMs(wall);
    // Near a change of the clocks the offset at the guess can differ from the offset at the answer.
    instant = wall - londonOffsetMs(first);
    if (instants.size >= MAX_REMEMBERED) instants.clear();
    instants.set(key, instant);
  }
  return new Date(instant);
}

function workingDayOnOrAfter(date: CalendarDate): CalendarDate {
  let day = date;
  while (!isEnglishWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/**
 * When the message of a timer set for `date` goes out: at the send time of that day, moved to the next working
 * day when it is a weekend or a bank holiday; with `now`, at the start of the day itself.
 */
export function messageInstant(date: CalendarDate, sendAt: SendAt): Date {
  if (sendAt === 'now') return londonInstant(date, 0, 0);
  return londonInstant(workingDayOnOrAfter(date), sendAt.hour, sendAt.minute);
}

/** The first moment at or after `now` at which a message may go out. */
export function nextSendTime(now: Date, sendAt: SendAt): Date {
  if (sendAt === 'now') return now;
  const today = londonDate(now);
  if (isEnglishWorkingDay(today)) {
    const start = londonInstant(today, sendAt.hour, sendAt.minute);
    if (now < start) return start;
    if (now.getTime() < start.getTime() + SEND_WINDOW_MS) return now;
  }
  return messageInstant(addDays(today, 1), sendAt);
}
