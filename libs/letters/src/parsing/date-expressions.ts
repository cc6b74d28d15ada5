/**
 * The ways letters write dates: "9 March 2011", "18th and 19th October 2011", "7 – 16 January 2013",
 * "30 November and 1 December 2010", "between 24 and 25 January 2012", "Dec 2011", "Jan. 2012", "9th January",
 * "05/12/2011".
 * Everything comes out as ISO strings: `YYYY-MM-DD`, or `YYYY-MM` where no day is given.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const MONTH = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?(?![a-z])`;
const YEAR = String.raw`((?:19|20)\d{2})(?!\d)`;
const RANGE = String.raw`\s*(?:–|—|-|to|until|till)\s*`;
const AND = String.raw`\s*,?\s*(?:and|&)\s*`;
const SPAN_PREFIX = String.raw`(?:\b(between|from)\s+)?`;

/** "30 November and 1 December 2010", "28 February – 11 March 2011" */
const ACROSS_MONTHS = new RegExp(
  String.raw`${SPAN_PREFIX}\b${DAY}\s+${MONTH}(?:,?\s+${YEAR})?(${RANGE}|${AND})${DAY}\s+${MONTH},?\s+${YEAR}`,
  'gi',
);
/** "8 and 9 February 2011", "1, 2 and 3 March 2011", "7 – 16 January 2013" */
const WITHIN_MONTH = new RegExp(
  String.raw`${SPAN_PREFIX}\b((?:\d{1,2}(?:st|nd|rd|th)?\s*,\s*){0,8})${DAY}(${RANGE}|${AND})${DAY}\s+${MONTH},?\s+${YEAR}`,
  'gi',
);
const FULL_DATE = new RegExp(String.raw`\b${DAY}\s+${MONTH},?\s+${YEAR}`, 'gi');
const FULL_DATE_MONTH_FIRST = new RegExp(String.raw`\b${MONTH}\s+${DAY},\s+${YEAR}`, 'gi');
/** "05/12/2011", "5.12.2011", "5/12/11": day first, as British documents write it. */
const NUMERIC_DATE = /(?<![\w/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\w/]|[.-]\d)/g;
const MONTH_AND_YEAR = new RegExp(String.raw`\b${MONTH},?\s+${YEAR}`, 'gi');
const DAY_AND_MONTH = new RegExp(String.raw`\b${DAY}\s+${MONTH}`, 'gi');

/** The longest span of days a single inspection visit is read as; anything longer is a misreading. */
const MAX_VISIT_DAYS = 62;

export interface DateMention {
  /** `YYYY-MM-DD` or `YYYY-MM`. */
  value: string;
  index: number;
  length: number;
}

export interface DaysMention {
  days: string[];
  index: number;
  length: number;
}

/** The first run of days written in the text (a single date, a list of days or a range), every day listed. */
export function firstDays(text: string): DaysMention | null {
  const candidates: DaysMention[] = [];
  for (const match of text.matchAll(ACROSS_MONTHS)) {
    const [, prefix, day1, month1, year1, separator, day2, month2, year2] = match;
    const end = isoDay(+year2, monthNumber(month2), +day2);
    const startMonth = monthNumber(month1);
    const startYear = year1 ? +year1 : startMonth > monthNumber(month2) ? +year2 - 1 : +year2;
    const start = isoDay(startYear, startMonth, +day1);
    if (start && end) candidates.push(mention(daysBetween(start, end, isRange(prefix, separator)), match));
  }
  for (const match of text.matchAll(WITHIN_MONTH)) {
    const [, prefix, listed, day1, separator, day2, month, year] = match;
    const listedDays = (listed.match(/\d{1,2}/g) ?? []).map(Number);
    const days = [...listedDays, +day1, +day2].map((day) => isoDay(+year, monthNumber(month), day));
    if (days.some((day) => day === null)) continue;
    const valid = days as string[];
    const inRange = listedDays.length === 0 && isRange(prefix, separator);
    candidates.push(mention(inRange ? daysBetween(valid[0], valid[1], true) : valid, match));
  }
  for (const match of text.matchAll(FULL_DATE)) {
    const day = isoDay(+match[3], monthNumber(match[2]), +match[1]);
    if (day) candidates.push(mention([day], match));
  }
  for (const match of text.matchAll(FULL_DATE_MONTH_FIRST)) {
    const day = isoDay(+match[3], monthNumber(match[1]), +match[2]);
    if (day) candidates.push(mention([day], match));
  }
  for (const match of text.matchAll(NUMERIC_DATE)) {
    const day = numericDay(match);
    if (day) candidates.push(mention([day], match));
  }
  candidates.sort((a, b) => a.index - b.index || b.length - a.length);
  return candidates[0] ?? null;
}

/** A text that is nothing but one date ("9 March 2011", "Date: 9 March 2011" is checked by the caller). */
export function wholeDate(text: string): string | null {
  const found = firstDays(text);
  if (!found || found.days.length !== 1) return null;
  const rest = text.slice(0, found.index) + text.slice(found.index + found.length);
  return /[\p{L}\p{N}]/u.test(rest) ? null : found.days[0];
}

/**
 * Every date mentioned, most precise reading first at any position: "16th January 2012" is one mention
 * (`2012-01-16`), not also "January 2012". A day and month without a year ("9th January") is dated to its
 * first occurrence on or after `notBefore`, or skipped when there is no such reference.
 */
export function datesMentioned(text: string, notBefore: string | null): DateMention[] {
  const found: DateMention[] = [];
  const taken = (index: number, length: number) =>
    found.some((other) => index < other.index + other.length && other.index < index + length);
  const add = (value: string | null, match: RegExpMatchArray) => {
    if (value && !taken(match.index!, match[0].length))
      found.push({ value, index: match.index!, length: match[0].length });
  };
  for (const match of text.matchAll(FULL_DATE))
    add(isoDay(+match[3], monthNumber(match[2]), +match[1]), match);
  for (const match of text.matchAll(FULL_DATE_MONTH_FIRST))
    add(isoDay(+match[3], monthNumber(match[1]), +match[2]), match);
  for (const match of text.matchAll(NUMERIC_DATE)) add(numericDay(match), match);
  for (const match of text.matchAll(MONTH_AND_YEAR)) add(isoMonth(+match[2], monthNumber(match[1])), match);
  if (notBefore) {
    for (const match of text.matchAll(DAY_AND_MONTH))
      add(nextOccurrence(+match[1], monthNumber(match[2]), notBefore), match);
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Month names as in the text ("January", "Jan.", "SEPT") to 1–12. */
export function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

export function isoMonth(year: number, month: number): string | null {
  return month >= 1 && month <= 12 ? `${year}-${pad(month)}` : null;
}

function isoDay(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  const valid = month >= 1 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid ? date.toISOString().slice(0, 10) : null;
}

/**
 * A two-digit year is read only between slashes: "3.2.12" and "3-2-12" are as likely a paragraph or
 * version number as a date.
 */
function numericDay(match: RegExpMatchArray): string | null {
  const [, day, separator, month, year] = match;
  if (year.length === 2 && separator !== '/') return null;
  const fullYear = year.length === 2 ? 2000 + +year : +year;
  if (fullYear < 1900 || fullYear > 2099) return null;
  return isoDay(fullYear, +month, +day);
}

function nextOccurrence(day: number, month: number, notBefore: string): string | null {
  const year = +notBefore.slice(0, 4);
  const sameYear = isoDay(year, month, day);
  if (sameYear && sameYear >= notBefore) return sameYear;
  return isoDay(year + 1, month, day);
}

function isRange(prefix: string | undefined, separator: string): boolean {
  return prefix?.toLowerCase() === 'between' || !/\band\b|&/i.test(separator);
}

function daysBetween(start: string, end: string, everyDay: boolean): string[] {
  if (start === end) return [start];
  const first = Date.parse(start);
  const last = Date.parse(end);
  const count = Math.round((last - first) / 86_400_000) + 1;
  if (!everyDay || count < 1 || count > MAX_VISIT_DAYS) return [start, end];
  return Array.from({ length: count }, (_, offset) =>
    new Date(first + offset * 86_400_000).toISOString().slice(0, 10),
  );
}

function mention(days: string[], match: RegExpMatchArray): DaysMention {
  return { days, index: match.index!, length: match[0].length };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
