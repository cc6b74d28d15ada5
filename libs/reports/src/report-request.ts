import { isCalendarDate, REPORT_FORMATS, type CalendarDate, type ReportFormat } from '@actionledger/domain';
import { InvalidQueryError } from '@actionledger/projections';

export interface ReportQuery {
  since?: CalendarDate;
  asOf?: CalendarDate;
  format: ReportFormat;
}

/** `?since=&asOf=&format=` checked before anything is read: a 400 names the field. */
export function parseReportQuery(query: Record<string, unknown>): ReportQuery {
  const date = (field: 'since' | 'asOf'): CalendarDate | undefined => {
    const value = query[field];
    if (value === undefined || value === '') return undefined;
    if (!isCalendarDate(value)) throw new InvalidQueryError(field, 'must be a date, YYYY-MM-DD.');
    return value;
  };
  const since = date('since');
  const asOf = date('asOf');
  const format = query.format ?? 'html';
  if (typeof format !== 'string' || !(REPORT_FORMATS as readonly string[]).includes(format)) {
    throw new InvalidQueryError('format', `must be one of ${REPORT_FORMATS.join(', ')}.`);
  }
  if (since && asOf && since > asOf) {
    throw new InvalidQueryError('since', `must not be after asOf (${asOf}).`);
  }
  return { since, asOf, format: format as ReportFormat };
}
