import { stringify } from 'csv-stringify/sync';
import type { Request, Response } from 'express';
import { trailRow, type TrailEntry } from './trail-entry';

/** Whether the caller asked for CSV (`Accept: text/csv`), for a board pack. */
export function wantsCsv(request: Request): boolean {
  return request.accepts(['application/json', 'text/csv']) === 'text/csv';
}

/** Sends the trail as CSV, one row per step, with a header row. */
export function sendTrailCsv(response: Response, entries: TrailEntry[], fileName: string): void {
  response
    .status(200)
    .type('text/csv; charset=utf-8')
    .setHeader('Content-Disposition', `attachment; filename="${fileName}"`)
    .send(stringify(entries.map(trailRow), { header: true }));
}
