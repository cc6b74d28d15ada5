import { datesMentioned, firstDays, wholeDate } from './date-expressions';

describe('firstDays', () => {
  it.each([
    ['7 – 16 January 2013', 10],
    ['7-16 January 2013', 10],
    ['26 November – 7 December 2012', 12],
    ['between 28 February and 11 March 2011', 12],
    ['28 February to 1 March 2012', 3], // a leap year
  ])('expands the range %s to every day', (text, count) => {
    expect(firstDays(text)?.days).toHaveLength(count);
  });

  it('lists days joined by "and" without filling the gap between them', () => {
    expect(firstDays('on 7 and 16 January 2013')?.days).toEqual(['2013-01-07', '2013-01-16']);
  });

  it('dates a range across the new year from the year given at its end', () => {
    expect(firstDays('29 December – 2 January 2014')?.days).toEqual([
      '2013-12-29',
      '2013-12-30',
      '2013-12-31',
      '2014-01-01',
      '2014-01-02',
    ]);
  });

  it('reads month-first dates and skips impossible ones', () => {
    expect(firstDays('on March 9, 2011')?.days).toEqual(['2011-03-09']);
    expect(firstDays('on 31 February 2011')).toBeNull();
  });

  it('gives the first date expression in the text', () => {
    expect(firstDays('on 5 and 6 January 2010, reported on 29 January 2010')?.days).toEqual([
      '2010-01-05',
      '2010-01-06',
    ]);
  });
});

describe('wholeDate', () => {
  it('reads a line that is only a date, and nothing else', () => {
    expect(wholeDate('9 March 2011')).toBe('2011-03-09');
    expect(wholeDate('on 9 March 2011')).toBeNull();
    expect(wholeDate('7 – 16 January 2013')).toBeNull();
  });
});

describe('datesMentioned', () => {
  it('reads each mention once, as precisely as it is written', () => {
    const text = 'from 16th January 2012, Dec 2011, Jan. 2012 and 9th January';
    expect(datesMentioned(text, '2011-10-19').map((mention) => mention.value)).toEqual([
      '2012-01-16',
      '2011-12',
      '2012-01',
      '2012-01-09',
    ]);
  });

  it('skips a day and month without a year when there is nothing to date it from', () => {
    expect(datesMentioned('in place from 9th January', null)).toEqual([]);
  });

  it('does not read "may" as a month', () => {
    expect(datesMentioned('children may be at risk', '2011-01-01')).toEqual([]);
  });

  it('reads numeric dates day first, and a two-digit year only between slashes', () => {
    const text = 'from 05/12/2011, by 31.3.2012, by 1/2/12, see paragraph 3.2.12 and file CS/12/03';
    expect(datesMentioned(text, null).map((mention) => mention.value)).toEqual([
      '2011-12-05',
      '2012-03-31',
      '2012-02-01',
    ]);
  });
});
