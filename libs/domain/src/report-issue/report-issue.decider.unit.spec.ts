import { deciderSpecification } from '../testing/decider-specification';
import { metadata } from '../testing/fixtures';
import { reportIssueDecider, type IssueReport } from './report-issue.decider';
import type { ReportIssueEvent } from './report-issue.events';

const spec = deciderSpecification(reportIssueDecider);
const HEAD = `ah1-120-${'b'.repeat(64)}`;
const issue = (overrides: Partial<IssueReport['data']> = {}): IssueReport => ({
  type: 'IssueReport',
  data: {
    reportId: 'r-1',
    inspectionId: 'i-1',
    organisationId: 'org-1',
    format: 'docx',
    digest: 'a'.repeat(64),
    auditHead: HEAD,
    since: '2026-09-01',
    asOf: '2026-11-30',
    ...overrides,
  },
  metadata,
});
const issued = (command: IssueReport): ReportIssueEvent => ({
  type: 'ReportIssued',
  data: { ...command.data, issuedAt: metadata.now.toISOString() },
});

describe('issuing a committee report', () => {
  it('records the digest of the file and the audit head it cites', () => {
    spec
      .given([])
      .when(issue())
      .then([issued(issue())]);
  });
  it('appends nothing when the same file is issued again', () => {
    spec
      .given([issued(issue())])
      .when(issue({ reportId: 'r-2' }))
      .then([]);
  });
  it('issues the same paper in another format, and a later one', () => {
    const pdf = issue({ reportId: 'r-2', format: 'pdf', digest: 'c'.repeat(64) });
    spec
      .given([issued(issue())])
      .when(pdf)
      .then([issued(pdf)]);
  });
  it('refuses a report older than one already issued', () => {
    spec
      .given([issued(issue())])
      .when(issue({ digest: 'd'.repeat(64), asOf: '2026-10-01', since: null }))
      .thenRefuses(/as at 2026-10-01 cannot be issued after one as at 2026-11-30/);
  });
  it('refuses a period that starts after the day it is as at, a digest or head that is not one, a format unknown', () => {
    spec
      .given([])
      .when(issue({ since: '2026-12-01' }))
      .thenRefuses(/from 2026-12-01 when it is as at 2026-11-30/);
    spec
      .given([])
      .when(issue({ digest: 'not-a-digest' }))
      .thenRefuses(/SHA-256/);
    spec
      .given([])
      .when(issue({ auditHead: 'ah1-x' }))
      .thenRefuses(/audit head/);
    spec
      .given([])
      .when(issue({ format: 'odt' as never }))
      .thenRefuses(/html, docx, pdf, csv/);
  });
});
