import type { ReminderTiming } from '../reminders.config';
import { londonInstant, nextSendTime } from './send-time';
import { planTimers, timerJobId, type TimedAction } from './timer-plan';

const timing: ReminderTiming = {
  leadDays: 7,
  escalationDaysPriority: 14,
  escalationDaysOther: 28,
  sendAt: { hour: 8, minute: 0 },
};
const action: TimedAction = {
  actionId: 'a1',
  status: 'assigned',
  dueDate: '2026-06-01', // a Monday
  priority: true,
  recorded: [],
};
const plan = (now: string, changes: Partial<TimedAction> = {}, settings = timing) =>
  planTimers({ ...action, ...changes }, settings, new Date(now)).map((t) => ({
    kind: t.kind,
    runAt: t.runAt.toISOString(),
  }));

describe('the timer plan', () => {
  it('sets due soon, due, overdue the working day after, and escalation, each at 08:00 in London', () => {
    expect(plan('2026-05-01T09:00:00Z')).toEqual([
      // 25 May 2026 is the spring bank holiday: the reminder moves to Tuesday; 08:00 BST is 07:00 UTC.
      { kind: 'due_soon', runAt: '2026-05-26T07:00:00.000Z' },
      { kind: 'due', runAt: '2026-06-01T07:00:00.000Z' },
      { kind: 'overdue', runAt: '2026-06-02T07:00:00.000Z' },
      { kind: 'escalation', runAt: '2026-06-15T07:00:00.000Z' },
    ]);
  });

  it('escalates other actions later, and skips the Christmas bank holidays in winter time', () => {
    expect(plan('2026-11-01T09:00:00Z', { dueDate: '2026-12-24', priority: false })).toEqual([
      { kind: 'due_soon', runAt: '2026-12-17T08:00:00.000Z' },
      { kind: 'due', runAt: '2026-12-24T08:00:00.000Z' },
      { kind: 'overdue', runAt: '2026-12-29T08:00:00.000Z' },
      // 21 January 2027, 28 days after the due date.
      { kind: 'escalation', runAt: '2027-01-21T08:00:00.000Z' },
    ]);
  });

  it('runs a passed timer at the next send time, and drops owner reminders a later one supersedes', () => {
    // 11:00 in London on the due day: within the send window, "due" goes at once; "due soon" is stale.
    expect(plan('2026-06-01T10:00:00Z')).toEqual([
      { kind: 'due', runAt: '2026-06-01T10:00:00.000Z' },
      { kind: 'overdue', runAt: '2026-06-02T07:00:00.000Z' },
      { kind: 'escalation', runAt: '2026-06-15T07:00:00.000Z' },
    ]);
    // 21:00 two days later: overdue has passed and waits for 08:00 the next morning; "due" is stale.
    expect(plan('2026-06-03T20:00:00Z')).toEqual([
      { kind: 'overdue', runAt: '2026-06-04T07:00:00.000Z' },
      { kind: 'escalation', runAt: '2026-06-15T07:00:00.000Z' },
    ]);
  });

  it('leaves out timers already recorded, and has none for an action that is not open', () => {
    const recorded = [timerJobId('overdue', 'a1', '2026-06-01')];
    expect(plan('2026-06-03T20:00:00Z', { recorded })).toEqual([
      { kind: 'escalation', runAt: '2026-06-15T07:00:00.000Z' },
    ]);
    expect(plan('2026-05-01T09:00:00Z', { status: 'completed' })).toEqual([]);
    expect(plan('2026-05-01T09:00:00Z', { status: 'planned', dueDate: null })).toEqual([]);
  });

  it('with REMINDER_SEND_AT=now, fires at the start of the day itself, weekends included', () => {
    const now = { ...timing, sendAt: 'now' as const, leadDays: 0 };
    expect(plan('2026-05-01T09:00:00Z', { dueDate: '2026-06-06' }, now)).toEqual([
      { kind: 'due', runAt: '2026-06-05T23:00:00.000Z' }, // midnight BST on Saturday 6 June
      { kind: 'overdue', runAt: '2026-06-07T23:00:00.000Z' }, // Monday 8 June, the working day after
      { kind: 'escalation', runAt: '2026-06-19T23:00:00.000Z' },
    ]);
  });

  it('gives the same job ids for the same action, kind and due date', () => {
    const first = planTimers(action, timing, new Date('2026-05-01T09:00:00Z')).map((t) => t.jobId);
    const again = planTimers(action, timing, new Date('2026-05-20T09:00:00Z')).map((t) => t.jobId);
    expect(again).toEqual(first);
    expect(first[0]).toBe('due_soon.a1.2026-06-01');
  });
});

describe('send times', () => {
  it('converts London wall time across the changes of the clocks', () => {
    expect(londonInstant('2026-03-28', 8, 0).toISOString()).toBe('2026-03-28T08:00:00.000Z');
    expect(londonInstant('2026-03-30', 8, 0).toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(londonInstant('2026-10-26', 8, 30).toISOString()).toBe('2026-10-26T08:30:00.000Z');
  });

  it('waits over a weekend and a bank holiday', () => {
    const sendAt = { hour: 8, minute: 0 };
    expect(nextSendTime(new Date('2026-06-06T12:00:00Z'), sendAt).toISOString()).toBe(
      '2026-06-08T07:00:00.000Z',
    );
    // Friday 1 May 2026 after the window; Monday 4 May is the early May bank holiday.
    expect(nextSendTime(new Date('2026-05-01T16:00:00Z'), sendAt).toISOString()).toBe(
      '2026-05-05T07:00:00.000Z',
    );
    expect(nextSendTime(new Date('2026-05-05T06:00:00Z'), sendAt).toISOString()).toBe(
      '2026-05-05T07:00:00.000Z',
    );
  });
});
