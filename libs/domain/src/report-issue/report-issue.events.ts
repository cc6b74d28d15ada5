import type { CalendarDate } from '../shared/calendar-date';
import type { DomainEvent } from '../shared/decider';

export const REPORT_FORMATS = ['html', 'docx', 'pdf', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The reports issued on one inspection's plan, one stream per inspection. */
export const reportIssuesStreamId = (inspectionId: string): string => `report-issues-${inspectionId}`;

/**
 * A committee report went out: the SHA-256 of the very file, so that anyone holding a copy can check it is the
 * one the system issued, and the audit head it cites. The next report covers what happened after `asOf`.
 */
export type ReportIssued = DomainEvent<
  'ReportIssued',
  {
    reportId: string;
    inspectionId: string;
    organisationId: string;
    format: ReportFormat;
    /** SHA-256 of the file's bytes, in hex. */
    digest: string;
    auditHead: string;
    since: CalendarDate | null;
    asOf: CalendarDate;
    issuedAt: string;
  }
>;

export type ReportIssueEvent = ReportIssued;
