import { isCalendarDate, type CalendarDate, type SheetCell } from '@actionledger/domain';

export type DateReading =
  | { kind: 'blank' }
  | { kind: 'date'; date: CalendarDate; precision: 'day' | 'month' }
  | { kind: 'ambiguous'; text: string; why: string }
  | { kind: 'unreadable'; text: string };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Excel counts days from 1899-12-30 (its 1900 leap-year bug makes that the zero for every modern date). */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
/** Serials a plan's dates plausibly are: 1955 to 2118. Outside, a number is a count, not a date. */
const PLAUSIBLE_SERIALS = { from: 20_000, to: 80_000 };

const pad = (n: number) => String(n).padStart(2, '0');

function calendarDate(year: number, month: number, day: number): CalendarDate | null {
  const date = `${year}-${pad(month)}-${pad(day)}`;
  return isCalendarDate(date) ? date : null;
}

function lastDayOf(year: number, month: number): CalendarDate {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** Two-digit years are this century's up to 69, as Excel reads them. */
function fullYear(digits: string): number {
  const year = Number(digits);
  if (digits.length === 4) return year;
  return year <= 69 ? 2000 + year : 1900 + year;
}

function monthOf(word: string): number | null {
  const index = MONTHS.indexOf(word.slice(0, 3).toLowerCase());
  const full = [
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
  ];
  if (index < 0) return null;
  const lower = word.toLowerCase().replace(/\.$/, '');
  const fits = lower.length === 3 || full[index].startsWith(lower) || lower === 'sept';
  return fits ? index + 1 : null;
}

export function excelSerialDate(serial: number): CalendarDate | null {
  if (!Number.isInteger(serial) || serial < PLAUSIBLE_SERIALS.from || serial > PLAUSIBLE_SERIALS.to)
    return null;
  return new Date(EXCEL_EPOCH_UTC + serial * 86_400_000).toISOString().slice(0, 10);
}

const day = (date: CalendarDate | null, text: string): DateReading =>
  date ? { kind: 'date', date, precision: 'day' } : { kind: 'unreadable', text };

/**
 * A date as a council writes it, read the British way: 31/03/2012, 31.03.12, 31-3-2012, 31 March 2012, Mar-12,
 * March 2012, 2012-03-31, an Excel date cell or an Excel serial number. A month alone means its last day ("by
 * March 2012"). What could be read more than one way (a date that is valid only month first, a day without a
 * year, a quarter or a season) is ambiguous: flagged for the lead, never guessed.
 */
export function readUkDate(cell: SheetCell | null | undefined): DateReading {
  if (!cell) return { kind: 'blank' };
  if (cell.date) return { kind: 'date', date: cell.date, precision: 'day' };
  const text = cell.text.trim();
  if (text === '') return { kind: 'blank' };
  const serial = cell.number ?? (/^\d{5}$/.test(text) ? Number(text) : undefined);
  if (serial !== undefined) {
    const date = excelSerialDate(serial);
    return date ? { kind: 'date', date, precision: 'day' } : { kind: 'unreadable', text };
  }
  const lower = text.toLowerCase().replace(/\s+/g, ' ');

  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ].*)?$/.exec(lower);
  if (match) return day(calendarDate(Number(match[1]), Number(match[2]), Number(match[3])), text);

  match = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{2}|\d{4})$/.exec(lower);
  if (match) {
    const [first, second, year] = [Number(match[1]), Number(match[3]), fullYear(match[4])];
    const british = calendarDate(year, second, first);
    if (british) return { kind: 'date', date: british, precision: 'day' };
    if (calendarDate(year, first, second)) {
      return { kind: 'ambiguous', text, why: 'it is a date only if read month first, as in the US' };
    }
    return { kind: 'unreadable', text };
  }

  match = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})$/.exec(lower);
  if (match) return { kind: 'ambiguous', text, why: 'it has no year' };

  match = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+(?:of\s+)?([a-z]+\.?),?[\s-]+(\d{2}|\d{4})$/.exec(lower);
  if (match && monthOf(match[2]))
    return day(calendarDate(fullYear(match[3]), monthOf(match[2])!, Number(match[1])), text);

  match = /^([a-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(lower);
  if (match && monthOf(match[1]))
    return day(calendarDate(Number(match[3]), monthOf(match[1])!, Number(match[2])), text);

  match = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]+\.?)$/.exec(lower);
  if (match && monthOf(match[2])) return { kind: 'ambiguous', text, why: 'it has no year' };

  // "Mar-12" is Excel's mmm-yy; "Mar 12" could as well be the 12th of March of no year.
  match = /^(?:end of |by |end )?([a-z]+\.?)(?:\s*-\s*(\d{2})|[\s\-/]+(\d{4}))$/.exec(lower);
  if (match && monthOf(match[1])) {
    const year = fullYear(match[2] ?? match[3]);
    return { kind: 'date', date: lastDayOf(year, monthOf(match[1])!), precision: 'month' };
  }
  match = /^([a-z]+\.?)\s+(\d{2})$/.exec(lower);
  if (match && monthOf(match[1]))
    return { kind: 'ambiguous', text, why: 'it could be a day of the month or a year' };

  if (/^(q[1-4]|quarter [1-4]|spring|summer|autumn|winter|end of|early|mid|late)\b.*\d{2,4}$/.test(lower)) {
    return { kind: 'ambiguous', text, why: 'it names a period, not a day' };
  }
  if (
    /^[a-z]+\s*[-/&]\s*[a-z]+\s+\d{2,4}$/.test(lower) ||
    /^\d{4}\s*[-/]\s*\d{2,4}$/.test(lower) ||
    /^\d{4}$/.test(lower)
  ) {
    return { kind: 'ambiguous', text, why: 'it names a period, not a day' };
  }
  return { kind: 'unreadable', text };
}
