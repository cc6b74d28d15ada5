import type { ColumnMapping, PlanColumnField, SheetRow } from '@actionledger/domain';
import { HEADER_SEARCH_ROWS } from '../input/limits';
import { cellText } from '../reading/sheet-cells';
import { HEADER_KEYWORDS, HEADER_SYNONYMS } from './header-synonyms';

export function normaliseHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const EXACT = new Map<string, PlanColumnField>(
  Object.entries(HEADER_SYNONYMS).flatMap(([field, words]) =>
    words.map((word) => [word, field as PlanColumnField] as const),
  ),
);

/** The field a header names, or null; long headers (a title row, a sentence) name none. */
export function fieldOfHeader(text: string): PlanColumnField | null {
  const header = normaliseHeader(text);
  if (header === '' || header.split(' ').length > 6) return null;
  const exact = EXACT.get(header);
  if (exact) return exact;
  return HEADER_KEYWORDS.find(([pattern]) => pattern.test(header))?.[1] ?? null;
}

/** Each field to the first column that names it. */
export function mappingOfRow(row: SheetRow): ColumnMapping {
  const mapping: ColumnMapping = {};
  row.cells.forEach((cell, column) => {
    const field = fieldOfHeader(cellText(cell));
    if (field && mapping[field] === undefined) mapping[field] = column;
  });
  return mapping;
}

export interface RecognisedHeader {
  /** Index into the sheet's rows. */
  index: number;
  mapping: ColumnMapping;
}

/**
 * The header: among the first rows (below any title rows), the first that names an action column and at least
 * one other; a merged title repeats one text across its columns, which names at most one field, so it is passed.
 */
export function recogniseHeader(rows: readonly SheetRow[]): RecognisedHeader | null {
  for (let index = 0; index < Math.min(rows.length, HEADER_SEARCH_ROWS); index++) {
    const mapping = mappingOfRow(rows[index]);
    if (mapping.action !== undefined && Object.keys(mapping).length >= 2) return { index, mapping };
  }
  return null;
}
