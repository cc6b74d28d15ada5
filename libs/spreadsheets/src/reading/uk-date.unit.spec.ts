import { readUkDate } from './uk-date';

const read = (text: string) => readUkDate({ text });

describe('reading a date the British way', () => {
  it.each([
    ['31/03/2012', '2012-03-31'],
    ['31.03.12', '2012-03-31'],
    ['1/4/2012', '2012-04-01'],
    ['03/04/12', '2012-04-03'],
    ['31-3-2012', '2012-03-31'],
    ['2012-03-31', '2012-03-31'],
    ['31 March 2012', '2012-03-31'],
    ['31st Mar 2012', '2012-03-31'],
    ['March 31, 2012', '2012-03-31'],
    ['40999', '2012-03-31'],
  ])('reads %s as %s', (text, date) => {
    expect(read(text)).toEqual({ kind: 'date', date, precision: 'day' });
  });

  it.each([
    ['Mar-12', '2012-03-31'],
    ['March 2012', '2012-03-31'],
    ['Feb-12', '2012-02-29'],
    ['Sept 2013', '2013-09-30'],
  ])('reads the month %s as its last day, %s', (text, date) => {
    expect(read(text)).toEqual({ kind: 'date', date, precision: 'month' });
  });

  it('reads an Excel date cell and an Excel serial number', () => {
    expect(readUkDate({ text: '31/03/2012', date: '2012-03-31' })).toMatchObject({ date: '2012-03-31' });
    expect(readUkDate({ text: '40999', number: 40999 })).toMatchObject({ date: '2012-03-31' });
    expect(readUkDate({ text: '3', number: 3 })).toEqual({ kind: 'unreadable', text: '3' });
  });

  it.each([
    ['03/31/2012', /month first/],
    ['31/03', /no year/],
    ['12 March', /no year/],
    ['Mar 12', /day of the month or a year/],
    ['Q1 2012', /period/],
    ['Spring 2013', /period/],
    ['2012/13', /period/],
  ])('flags %s as ambiguous, never guessing', (text, why) => {
    const reading = read(text);
    expect(reading.kind).toBe('ambiguous');
    expect(reading.kind === 'ambiguous' && reading.why).toMatch(why);
  });

  it('calls what is not a date unreadable, and a blank cell blank', () => {
    expect(read('TBC')).toEqual({ kind: 'unreadable', text: 'TBC' });
    expect(read('31/02/2012')).toEqual({ kind: 'unreadable', text: '31/02/2012' });
    expect(readUkDate(null)).toEqual({ kind: 'blank' });
    expect(read('  ')).toEqual({ kind: 'blank' });
  });
});
