/** Issuing committee reports: its events (re-exported, so the domain's index needs one line) and decider. */
export * from './report-issue.events';
import { isCalendarDate, type CalendarDate } from '../shared/calendar-date';
import type { Decider, DomainCommand } from '../shared/decider';
import { DomainRuleViolation } from '../shared/domain-rule-violation';
import { REPORT_FORMATS, type ReportFormat, type ReportIssueEvent } from './report-issue.events';

export type IssueReport = DomainCommand<
  'IssueReport',
  {
    reportId: string;
    inspectionId: string;
    organisationId: string;
    format: ReportFormat;
    digest: string;
    auditHead: string;
    since: CalendarDate | null;
    asOf: CalendarDate;
  }
>;

export type ReportIssueState =
  | { status: 'none' }
  | {
      status: 'issuing';
      inspectionId: string;
      organisationId: string;
      lastAsOf: CalendarDate;
      digests: string[];
    };

export const initialReportIssueState: ReportIssueState = { status: 'none' };

const SHA256_HEX = /^[0-9a-f]{64}$/;
const AUDIT_HEAD = /^ah1-(0|[1-9][0-9]{0,19})-[0-9a-f]{64}$/;

function refuse(reason: string): never {
  throw new DomainRuleViolation(reason);
}

/** Issuing the same file again appends nothing: a retry, or a second copy of the same paper. */
export function decideReportIssue(command: IssueReport, state: ReportIssueState): ReportIssueEvent[] {
  const { data } = command;
  if (!(REPORT_FORMATS as readonly string[]).includes(data.format)) {
    refuse(`A report's format is one of ${REPORT_FORMATS.join(', ')}.`);
  }
  if (!SHA256_HEX.test(data.digest)) refuse('A report is issued with the SHA-256 of its file, in hex.');
  if (!AUDIT_HEAD.test(data.auditHead)) refuse('A report is issued with the audit head it cites (ah1-…).');
  if (!isCalendarDate(data.asOf)) refuse(`${String(data.asOf)} is not a date (YYYY-MM-DD).`);
  if (data.since !== null && (!isCalendarDate(data.since) || data.since > data.asOf)) {
    refuse(`A report cannot cover a period from ${String(data.since)} when it is as at ${data.asOf}.`);
  }
  if (state.status === 'issuing') {
    if (state.digests.includes(data.digest)) return [];
    if (data.asOf < state.lastAsOf) {
      refuse(`A report as at ${data.asOf} cannot be issued after one as at ${state.lastAsOf}.`);
    }
  }
  return [{ type: 'ReportIssued', data: { ...data, issuedAt: command.metadata.now.toISOString() } }];
}

export function evolveReportIssue(state: ReportIssueState, event: ReportIssueEvent): ReportIssueState {
  switch (event.type) {
    case 'ReportIssued': {
      const { inspectionId, organisationId, asOf, digest } = event.data;
      const digests = state.status === 'issuing' ? [...state.digests, digest] : [digest];
      return { status: 'issuing', inspectionId, organisationId, lastAsOf: asOf, digests };
    }
    default: {
      const unknown: never = event.type;
      throw new Error(`Unhandled report event ${String(unknown)}`);
    }
  }
}

export const reportIssueDecider: Decider<IssueReport, ReportIssueEvent, ReportIssueState> = {
  decide: decideReportIssue,
  evolve: evolveReportIssue,
  initialState: initialReportIssueState,
};
