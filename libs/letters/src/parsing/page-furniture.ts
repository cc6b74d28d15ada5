import { categoriesNamedIn, timescaleLabel } from './category.vocabulary';
import type { Row } from './text-rows';

/**
 * Page furniture: what a printed page carries besides the text — page numbers, running headers and footers,
 * the inspectorate's address and phone numbers, a logo's caption. Returns, per row, whether it is furniture.
 */
export function findPageFurniture(rows: Row[]): boolean[] {
  const repeated = repeatedLines(rows);
  const besidePageNumbers = headerLinesBesidePageNumbers(rows);
  return rows.map((row, index) => {
    if (row.blank || row.bullet || row.markdownHeading) return false;
    if (isPageNumber(row.text) || isContactDetail(row.text)) return true;
    if (namesCategoryOrTimescale(row.text)) return false;
    if (repeated.has(lineKey(row.text)) || besidePageNumbers.has(index)) return true;
    return besidePageGap(rows, index) && (isCaption(row) || echoesEarlierLine(rows, index));
  });
}

/** The fewest words a line needs before its echoing an earlier line is taken for a running header. */
const MIN_ECHO_WORDS = 4;

/**
 * A running header repeats the document's title, or part of it ("Annual unannounced inspection of contact,
 * referral and assessment arrangements – Sometown Council" under a title naming the same). Where the text
 * carries it only once (a short letter, or headers the extraction lost) it is not a repeated line, but every
 * word of it was read before, on one line.
 */
function echoesEarlierLine(rows: Row[], index: number): boolean {
  const row = rows[index];
  if (row.number !== null || words(row.text) > 20 || /[.,;:]$/.test(row.text)) return false;
  // A line starting in lower case is the rest of a sentence ("… the health needs of" / "looked after young
  // people"), however many of its words the title has: headers and footers start with a capital.
  if (/^\p{Ll}/u.test(row.text)) return false;
  const echoed = wordSet(row.text);
  if (echoed.size < MIN_ECHO_WORDS) return false;
  return rows.slice(0, index).some((earlier) => {
    if (earlier.blank) return false;
    const earlierWords = wordSet(earlier.text);
    return [...echoed].every((word) => earlierWords.has(word));
  });
}

function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}'’]+/gu) ?? []);
}

/**
 * A header or footer printed with the page number: short lines set apart by blank lines together with a
 * "Page 2 of 3", such as "London Borough of Hackney – CRA inspection letter".
 */
function headerLinesBesidePageNumbers(rows: Row[]): Set<number> {
  const found = new Set<number>();
  let groupStart = 0;
  for (let index = 0; index <= rows.length; index++) {
    if (index < rows.length && !rows[index].blank) continue;
    const group = rows.slice(groupStart, index).map((row, offset) => ({ row, at: groupStart + offset }));
    const others = group.filter(({ row }) => !isPageNumber(row.text));
    const isHeader =
      group.length <= 3 &&
      others.length < group.length &&
      others.every(({ row }) => !row.bullet && words(row.text) <= 10 && !/[.,;:]$/.test(row.text));
    if (isHeader) others.forEach(({ at }) => found.add(at));
    groupStart = index + 1;
  }
  return found;
}

function isPageNumber(text: string): boolean {
  return (
    /^(?:page\s+)?\d{1,3}(?:\s*(?:of|\/)\s*\d{1,3})?$/i.test(text) ||
    /^[-–]\s*\d{1,3}\s*[-–]$/.test(text) ||
    (/\bpage\s+\d{1,3}(?:\s+of\s+\d{1,3})?$/i.test(text) && words(text) <= 15)
  );
}

const EMAIL = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/;
const WEB_ADDRESS = /\b(?:https?:\/\/|www\.)\S+/i;
const PHONE =
  /(?:^|\b(?:t|f|tel|fax|phone|telephone|textphone|direct(?: line)?|direct [tf])\b\.?:?)\s*\+?\d[\d ]{7,}\d\b/i;
const POSTCODE_AT_END = /\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}$/;

/** Letterhead lines: an e-mail or web address, a phone number, a line of an address ending in a postcode. */
function isContactDetail(text: string): boolean {
  if (words(text) > 16 || /[.!?]$/.test(text)) return false;
  if (POSTCODE_AT_END.test(text)) return true;
  // "enquiries@ofsted.gov.uk", "T 0300 123 1231"; not a sentence that runs through an address ("… to
  // ProtectionOfChildren@ofsted.gov.uk by 24 July 2017. This statement …").
  const rest = text.replace(EMAIL, '').replace(WEB_ADDRESS, '').replace(PHONE, '');
  return rest !== text && words(rest) <= 4;
}

/** Running headers and footers: the same short line more than once (numbers ignored, so "Page 2" too). */
function repeatedLines(rows: Row[]): Set<string> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    if (row.blank || row.bullet || row.markdownHeading || row.number !== null) continue;
    // A line starting in lower case carries on a sentence ("national framework)"), and one in brackets tags
    // the item above ("(National Framework, Outcome 1)"), however often they recur.
    if (words(row.text) > 20 || /:$/.test(row.text) || /^[\p{Ll}(]/u.test(row.text)) continue;
    const key = lineKey(row.text);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, count]) => count > 1).map(([key]) => key));
}

function lineKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#');
}

/** A short line in capitals that is not a numbered heading: a logo or banner caption such as "INVESTOR IN PEOPLE". */
function isCaption(row: Row): boolean {
  return (
    row.number === null && words(row.text) <= 8 && /\p{Lu}{2}/u.test(row.text) && !/\p{Ll}/u.test(row.text)
  );
}

/** Page gaps show in extracted text as two or more blank lines in a row. */
function besidePageGap(rows: Row[], index: number): boolean {
  const blanksAround = (step: 1 | -1): number => {
    let count = 0;
    for (let at = index + step; at >= 0 && at < rows.length && rows[at].blank; at += step) count++;
    return count;
  };
  return blanksAround(-1) >= 2 || blanksAround(1) >= 2;
}

function namesCategoryOrTimescale(text: string): boolean {
  return categoriesNamedIn(text).length > 0 || timescaleLabel(text) !== null;
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
