import { mondayOf, PROGRESS_WEEKS_SHOWN, weeklyPlanProgress, type ActionStatusEvent } from './plan-progress';

const event = (streamId: string, type: string, occurredAt: string): ActionStatusEvent => ({
  streamId,
  type,
  occurredAt,
});

describe('weeklyPlanProgress', () => {
  it('counts each action where it stood at the end of each week, from the first week to today', () => {
    const events = [
      event('action-a', 'ActionPlanned', '2026-11-02T09:00:00Z'), // Monday
      event('action-b', 'ActionPlanned', '2026-11-04T09:00:00Z'),
      event('action-a', 'ActionAssigned', '2026-11-05T09:00:00Z'),
      event('action-a', 'ActionCompleted', '2026-11-10T09:00:00Z'), // week 2
      event('action-a', 'ProgressRecorded', '2026-11-11T09:00:00Z'),
      event('action-a', 'ActionVerified', '2026-11-17T09:00:00Z'), // week 3
      event('action-b', 'ActionCompleted', '2026-11-18T09:00:00Z'),
    ];
    expect(weeklyPlanProgress(events, '2026-11-25')).toEqual([
      { weekStarting: '2026-11-02', open: 2, completed: 0, verified: 0 },
      { weekStarting: '2026-11-09', open: 1, completed: 1, verified: 0 },
      { weekStarting: '2026-11-16', open: 0, completed: 1, verified: 1 },
      { weekStarting: '2026-11-23', open: 0, completed: 1, verified: 1 },
    ]);
  });

  it('takes a reopened action back to open and leaves a withdrawn one out', () => {
    const events = [
      event('action-a', 'ActionPlanned', '2026-11-02T09:00:00Z'),
      event('action-b', 'ActionPlanned', '2026-11-02T09:00:00Z'),
      event('action-a', 'ActionCompleted', '2026-11-03T09:00:00Z'),
      event('action-b', 'ActionWithdrawn', '2026-11-10T09:00:00Z'),
      event('action-a', 'ActionReopened', '2026-11-11T09:00:00Z'),
    ];
    expect(weeklyPlanProgress(events, '2026-11-12')).toEqual([
      { weekStarting: '2026-11-02', open: 1, completed: 1, verified: 0 },
      { weekStarting: '2026-11-09', open: 1, completed: 0, verified: 0 },
    ]);
  });

  it('orders events by when they happened, whatever order the streams were read in', () => {
    const events = [
      event('action-a', 'ActionCompleted', '2026-11-10T09:00:00Z'),
      event('action-a', 'ActionPlanned', '2026-11-02T09:00:00Z'),
    ];
    expect(weeklyPlanProgress(events, '2026-11-10').map((week) => week.completed)).toEqual([0, 1]);
  });

  it('puts an event late on Sunday evening in England in the week it happened there, not the UTC one', () => {
    // 23:30 on Sunday 2026-06-07 in UTC is 00:30 on Monday 8 June in London (summer time).
    const events = [
      event('action-a', 'ActionPlanned', '2026-06-01T09:00:00Z'),
      event('action-a', 'ActionCompleted', '2026-06-07T23:30:00Z'),
    ];
    expect(weeklyPlanProgress(events, '2026-06-08')).toEqual([
      { weekStarting: '2026-06-01', open: 1, completed: 0, verified: 0 },
      { weekStarting: '2026-06-08', open: 0, completed: 1, verified: 0 },
    ]);
  });

  it('has no weeks before any action is planned, and shows a long plan’s most recent weeks only', () => {
    expect(weeklyPlanProgress([], '2026-11-02')).toEqual([]);
    const weeks = weeklyPlanProgress(
      [event('action-a', 'ActionPlanned', '2024-01-01T09:00:00Z')],
      '2026-11-02',
    );
    expect(weeks).toHaveLength(PROGRESS_WEEKS_SHOWN);
    expect(weeks.at(-1)!.weekStarting).toBe(mondayOf('2026-11-02'));
  });

  it('finds the Monday of any day', () => {
    expect(mondayOf('2026-11-02')).toBe('2026-11-02');
    expect(mondayOf('2026-11-08')).toBe('2026-11-02');
    expect(mondayOf('2026-11-09')).toBe('2026-11-09');
  });
});
