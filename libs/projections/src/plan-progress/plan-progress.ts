import type { CalendarDate } from '@actionledger/domain';
import { addDays, londonDate } from '../calendar/london-date';

/** One event of an action's stream, as far as the progress chart needs it. */
export interface ActionStatusEvent {
  streamId: string;
  type: string;
  /** When it happened (the event's metadata `occurredAt`). */
  occurredAt: string;
}

/** How the plan's actions stood at the end of one week (or today, for the week under way). */
export interface WeekOfProgress {
  /** The Monday the week starts on. */
  weekStarting: CalendarDate;
  open: number;
  completed: number;
  verified: number;
}

/** A plan that has run longer than this shows its most recent weeks only. */
export const PROGRESS_WEEKS_SHOWN = 52;

type Standing = 'open' | 'completed' | 'verified' | 'gone';

const STANDING_AFTER: Readonly<Record<string, Standing>> = {
  ActionPlanned: 'open',
  ActionAssigned: 'open',
  ActionReassigned: 'open',
  ActionReopened: 'open',
  ActionCompleted: 'completed',
  ActionVerified: 'verified',
  ActionWithdrawn: 'gone',
};

/** The Monday of the week a date falls in. */
export function mondayOf(date: CalendarDate): CalendarDate {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/**
 * Pure: the plan's progress week by week, from the week its first action was planned to the week of `today`,
 * folded from its actions' events: open (planned or assigned, or sent back), completed, verified; a withdrawn
 * action leaves the count. Weeks are Monday to Sunday in England.
 */
export function weeklyPlanProgress(
  events: readonly ActionStatusEvent[],
  today: CalendarDate,
): WeekOfProgress[] {
  // England's offset from UTC is whole hours, so the London date of an instant follows from its UTC hour.
  const dayOfHour = new Map<string, CalendarDate>();
  const londonDay = (occurredAt: string) => {
    const hour = occurredAt.slice(0, 13);
    let day = dayOfHour.get(hour);
    if (day === undefined) dayOfHour.set(hour, (day = londonDate(new Date(`${hour}:00:00Z`))));
    return day;
  };
  const changes = events
    .filter((event) => STANDING_AFTER[event.type] !== undefined)
    .map((event) => ({ ...event, day: londonDay(event.occurredAt) }))
    .sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0));
  if (changes.length === 0) return [];
  const standing = new Map<string, Standing>();
  const weeks: WeekOfProgress[] = [];
  let next = 0;
  for (let monday = mondayOf(changes[0].day); monday <= today; monday = addDays(monday, 7)) {
    const sunday = addDays(monday, 6);
    while (next < changes.length && changes[next].day <= sunday) {
      standing.set(changes[next].streamId, STANDING_AFTER[changes[next].type]);
      next += 1;
    }
    const week: WeekOfProgress = { weekStarting: monday, open: 0, completed: 0, verified: 0 };
    for (const state of standing.values()) if (state !== 'gone') week[state] += 1;
    weeks.push(week);
  }
  return weeks.slice(-PROGRESS_WEEKS_SHOWN);
}
