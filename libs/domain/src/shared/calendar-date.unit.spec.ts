import { addToCalendarDate, isCalendarDate } from './calendar-date';

describe('calendar dates', () => {
  it('accepts real days only, as YYYY-MM-DD', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2023-13-01')).toBe(false);
    expect(isCalendarDate('2023-1-01')).toBe(false);
    expect(isCalendarDate('2023-01-01T00:00:00Z')).toBe(false);
    expect(isCalendarDate(20230101)).toBe(false);
  });
  it('clamps to the end of a shorter month', () => {
    expect(addToCalendarDate('2024-01-31', { months: 1 })).toBe('2024-02-29');
    expect(addToCalendarDate('2024-08-31', { months: 6, days: 1 })).toBe('2025-03-01');
  });
});
