/** The most data rows one import takes: a council plan has tens to hundreds; thousands is a different job. */
export const MAX_PLAN_ROWS = 5_000;

/** The most bytes a sheet may be, checked before it is read. */
export const MAX_SHEET_BYTES = 20 * 1024 * 1024;

/** How far down a header is looked for, below title rows. */
export const HEADER_SEARCH_ROWS = 30;
