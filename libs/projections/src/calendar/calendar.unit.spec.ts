import { addEnglishWorkingDays, isEnglishWorkingDay } from './working-days';
import { daysBetween, londonDate } from './london-date';

describe("England's calendar", () => {
  it('judges the date on the Europe/London calendar, not the UTC one', () => {
    // 00:30 in London during British Summer Time is still the previous day in UTC.
    expect(londonDate(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    // In winter London is on UTC.
    expect(londonDate(new Date('2026-01-31T23:30:00Z'))).toBe('2026-01-31');
    // The clocks go forward at 01:00 UTC on 29 March 2026.
    expect(londonDate(new Date('2026-03-28T23:59:00Z'))).toBe('2026-03-28');
    expect(londonDate(new Date('2026-03-29T23:30:00Z'))).toBe('2026-03-30');
  });

  it('counts calendar days between dates across a change of the clocks', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-04-02', '2026-03-30')).toBe(-3);
  });

  it('skips weekends and bank holidays, including substitute days', () => {
    expect(isEnglishWorkingDay('2026-04-03')).toBe(false); // Good Friday
    expect(isEnglishWorkingDay('2026-04-06')).toBe(false); // Easter Monday
    expect(isEnglishWorkingDay('2026-12-28')).toBe(false); // Boxing Day (substitute day)
    expect(isEnglishWorkingDay('2026-03-15')).toBe(false); // a Sunday (and Mother's Day, which is no holiday)
    expect(isEnglishWorkingDay('2026-03-16')).toBe(true);
    // Thursday 2 April + 1 working day: Good Friday and Easter Monday are skipped.
    expect(addEnglishWorkingDays('2026-04-02', 1)).toBe('2026-04-07');
    // Christmas 2026: Fri 25, Sat 26, Mon 28 (substitute) are not working days.
    expect(addEnglishWorkingDays('2026-12-24', 1)).toBe('2026-12-29');
    expect(addEnglishWorkingDays('2026-03-02', 0)).toBe('2026-03-02');
    expect(addEnglishWorkingDays('2026-03-02', 5)).toBe('2026-03-09');
  });
});
