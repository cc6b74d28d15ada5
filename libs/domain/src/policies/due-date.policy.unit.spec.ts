import { defaultDueDate, parseDueDatePolicy } from './due-date.policy';

describe('due-date policy', () => {
  const policy = parseDueDatePolicy({ immediately: { days: 7 }, within_3_months: { months: 3 }, none: null });

  it('adds the timescale to the day the finding was raised', () => {
    expect(defaultDueDate(policy, 'immediately', '2026-12-28')).toBe('2027-01-04');
    expect(defaultDueDate(policy, 'within_3_months', '2026-11-30')).toBe('2027-02-28');
  });
  it('gives no default for a timescale the configuration leaves out or sets to null', () => {
    expect(defaultDueDate(policy, 'within_6_months', '2026-01-01')).toBeNull();
    expect(defaultDueDate(policy, 'none', '2026-01-01')).toBeNull();
  });
  it('names every problem in a bad configuration', () => {
    expect(() => parseDueDatePolicy({ soon: { days: 1 }, immediately: { days: -1 } })).toThrow(
      /"soon" is not a timescale; "immediately" must be null/,
    );
    expect(() => parseDueDatePolicy([])).toThrow(/must be an object/);
    expect(() => parseDueDatePolicy({ immediately: {} })).toThrow(/"immediately" must be/);
  });
});
