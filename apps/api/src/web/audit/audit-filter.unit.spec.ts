import { calendarDayOf } from '../rendering/date-input';
import { auditFilterForm, checkAuditFilter, filterQueryString } from './audit-filter';

const PERSON = '6f1b4a52-3c1e-4d0b-9a57-2f0c8e7d4b11';
const people = new Set([PERSON]);

describe('the audit filter', () => {
  it('turns the fields into a choice of inspection, action, person and days', () => {
    const form = auditFilterForm({
      inspection: '0a1b4a52-3c1e-4d0b-9a57-2f0c8e7d4b11',
      action: ' 1B1B4A52-3C1E-4D0B-9A57-2F0C8E7D4B11 ',
      person: PERSON,
      'from-day': '1',
      'from-month': '11',
      'from-year': '2026',
      'to-day': '30',
      'to-month': '11',
      'to-year': '2026',
    });
    expect(checkAuditFilter(form, people)).toEqual({
      choice: {
        inspectionId: '0a1b4a52-3c1e-4d0b-9a57-2f0c8e7d4b11',
        actionId: '1b1b4a52-3c1e-4d0b-9a57-2f0c8e7d4b11',
        userId: PERSON,
        from: '2026-11-01',
        to: '2026-11-30',
      },
      errors: [],
    });
  });

  it('names each field that is wrong', () => {
    const form = auditFilterForm({
      action: 'ACT-1',
      person: 'someone',
      'from-day': '31',
      'from-month': '2',
      'from-year': '2026',
      'to-day': '1',
      'to-month': '1',
      'to-year': '2026',
    });
    expect(checkAuditFilter(form, people).errors.map((error) => error.field)).toEqual([
      'action',
      'person',
      'from-day',
    ]);
    const backwards = auditFilterForm({
      'from-day': '2',
      'from-month': '1',
      'from-year': '2026',
      'to-day': '1',
      'to-month': '1',
      'to-year': '2026',
    });
    expect(checkAuditFilter(backwards, people).errors).toEqual([
      { field: 'to-day', text: 'The to date must be the same as or after the from date' },
    ]);
  });

  it('reads a blank date as no limit and a partial one as wrong', () => {
    expect(calendarDayOf({ day: '', month: '', year: '' })).toBeUndefined();
    expect(calendarDayOf({ day: '1', month: '', year: '2026' })).toBeNull();
    expect(calendarDayOf({ day: '29', month: '2', year: '2028' })).toBe('2028-02-29');
  });

  it('carries the same filter to the CSV link, leaving blank fields out', () => {
    expect(filterQueryString({ person: PERSON, action: '', 'from-year': '2026', other: 'x' })).toBe(
      `?person=${PERSON}&from-year=2026`,
    );
    expect(filterQueryString({})).toBe('');
  });
});
