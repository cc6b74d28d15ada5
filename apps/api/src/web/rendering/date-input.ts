/** The three fields of a GOV.UK date input, as posted. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** The fields `<prefix>-day`, `-month` and `-year` of a form (govukDateInput with `namePrefix`). */
export function datePartsOf(fields: Record<string, unknown>, prefix: string): DateParts {
  return {
    day: text(fields[`${prefix}-day`]),
    month: text(fields[`${prefix}-month`]),
    year: text(fields[`${prefix}-year`]),
  };
}

/** A calendar date's fields, to fill a date input with. */
export function datePartsFrom(date: string | null): DateParts {
  if (!date) return { day: '', month: '', year: '' };
  const [year, month, day] = date.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

/** A GOV.UK date input's three fields as a calendar day; undefined when all are blank, null when not a date. */
export function calendarDayOf(parts: DateParts): string | undefined | null {
  if (!parts.day && !parts.month && !parts.year) return undefined;
  if (!/^\d{1,2}$/.test(parts.day) || !/^\d{1,2}$/.test(parts.month) || !/^\d{4}$/.test(parts.year))
    return null;
  const [day, month, year] = [Number(parts.day), Number(parts.month), Number(parts.year)];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return date.toISOString().slice(0, 10);
}
