import { createHash, randomUUID } from 'node:crypto';
import { AuditChainBrokenError, ChainVerifier } from '@actionledger/audit';
import type { UserDirectory } from '@actionledger/auth';
import {
  NotFoundError,
  type Actor,
  type Clock,
  type CommandContext,
  type CommandExecutor,
  type CommandResult,
} from '@actionledger/command-handling';
import {
  addToCalendarDate,
  reportIssueDecider,
  reportIssuesStreamId,
  type CalendarDate,
  type IssueReport,
  type ReportFormat,
  type ReportIssued,
} from '@actionledger/domain';
import type { EventStore } from '@actionledger/event-store';
import { InvalidQueryError, londonDate } from '@actionledger/projections';
import { buildCommitteeReport } from './model/build-committee-report';
import type { CommitteeReport, Person } from './model/committee-report';
import { eventsOfInspection, type ReportEvent } from './model/report-event';
import type { PaperOptions } from './paper/committee-paper';
import { PdfRenderer } from './render/committee-report.pdf';
import { renderReport, type RenderedReport } from './render/rendered-report';
import { asReportEvent } from './source/log-report-events';

const PAGE = 2_000;

export interface CommitteeReportQuery {
  inspectionId: string;
  since?: CalendarDate;
  asOf?: CalendarDate;
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * The board pack's I/O around the pure report: one pass over the log that both checks its hash chain (for the
 * audit head the paper cites) and gathers the inspection's events; owners' names from the directory; the
 * default `since` from the last report issued; issuing through the one write path.
 */
export class CommitteeReportService {
  private pdf: Promise<PdfRenderer> | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly directory: UserDirectory,
    private readonly clock: Clock,
    private readonly paperOptions: PaperOptions = {},
  ) {}

  /** The report as the actor may see it: another organisation's inspection is not found. */
  async report(actor: Actor, query: CommitteeReportQuery): Promise<CommitteeReport> {
    const asOf = this.checkedAsOf(query);
    const { events, head } = await this.readLog();
    const picked = eventsOfInspection(events, query.inspectionId);
    const recorded = picked.find((event) => event.type === 'InspectionRecorded');
    const organisationId = recorded?.data.organisationId as string | undefined;
    const visible =
      organisationId && (actor.organisationId === null || actor.organisationId === organisationId);
    if (!visible) throw new NotFoundError('inspection', query.inspectionId);
    const person = await this.people(organisationId);
    const report = this.build(events, picked, head, query, asOf, person);
    if (!report) throw new NotFoundError('inspection', query.inspectionId);
    return report;
  }

  /**
   * The reports on every open inspection of the organisation (not withdrawn, with a finding still open), oldest
   * first, each from its own last issue unless `since` is given.
   */
  async reportsOfOrganisation(
    organisationId: string,
    query: Omit<CommitteeReportQuery, 'inspectionId'>,
  ): Promise<CommitteeReport[]> {
    const asOf = this.checkedAsOf(query);
    const { events, head } = await this.readLog();
    const person = await this.people(organisationId);
    const inspectionIds = events
      .filter((event) => event.type === 'InspectionRecorded' && event.data.organisationId === organisationId)
      .map((event) => event.data.inspectionId as string);
    return inspectionIds
      .map((inspectionId) => {
        const picked = eventsOfInspection(events, inspectionId);
        return this.build(events, picked, head, { ...query, inspectionId }, asOf, person);
      })
      .filter((report): report is CommitteeReport => report !== null)
      .filter((report) => report.findings.some((finding) => finding.status === 'open'));
  }

  private checkedAsOf(query: Omit<CommitteeReportQuery, 'inspectionId'>): CalendarDate {
    const today = londonDate(this.clock.now());
    const asOf = query.asOf ?? today;
    if (asOf > today) throw new InvalidQueryError('asOf', `must not be after today (${today}).`);
    if (query.since && query.since > asOf) {
      throw new InvalidQueryError('since', `must not be after asOf (${asOf}).`);
    }
    return asOf;
  }

  private build(
    events: readonly ReportEvent[],
    picked: readonly ReportEvent[],
    head: { digest: string; position: bigint },
    query: CommitteeReportQuery,
    asOf: CalendarDate,
    person: (userId: string) => Person,
  ): CommitteeReport | null {
    const since = query.since ?? sinceLastIssue(events, query.inspectionId, asOf);
    return buildCommitteeReport({
      inspectionId: query.inspectionId,
      asOf,
      since,
      events: picked,
      person,
      auditHead: head,
    });
  }

  render(
    reports: CommitteeReport | readonly CommitteeReport[],
    format: ReportFormat,
  ): Promise<RenderedReport> {
    return renderReport(reports, format, () => this.pdfRenderer(), this.paperOptions);
  }

  /** One browser for every PDF; a browser that failed to start is tried again next time. */
  private pdfRenderer(): Promise<PdfRenderer> {
    this.pdf ??= PdfRenderer.start().catch((error: unknown) => {
      this.pdf = null;
      throw error;
    });
    return this.pdf;
  }

  /**
   * Records that this very file went out: `ReportIssued` with its SHA-256 and the audit head it cites, on each
   * inspection it reports on (a file on several inspections is issued on each).
   */
  async issue(
    commands: Pick<CommandExecutor, 'execute'>,
    context: CommandContext,
    reports: CommitteeReport | readonly CommitteeReport[],
    format: ReportFormat,
    rendered: RenderedReport,
  ): Promise<CommandResult[]> {
    const all = Array.isArray(reports)
      ? (reports as readonly CommitteeReport[])
      : [reports as CommitteeReport];
    const results: CommandResult[] = [];
    for (const report of all) {
      const { inspectionId, organisationId } = report.inspection;
      const data: IssueReport['data'] = {
        reportId: randomUUID(),
        inspectionId,
        organisationId,
        format,
        digest: sha256Hex(rendered.bytes),
        auditHead: report.auditHead!.digest,
        since: report.since,
        asOf: report.asOf,
      };
      results.push(
        await commands.execute({
          id: data.reportId,
          streamId: reportIssuesStreamId(inspectionId),
          decider: reportIssueDecider,
          commandType: 'IssueReport',
          payload: data,
          context,
          prepare: (_state, metadata) => ({ type: 'IssueReport' as const, data, metadata }),
        }),
      );
    }
    return results;
  }

  /** The issue of a file with these bytes, or null: the file is not one the system issued (or was edited). */
  async issued(bytes: Uint8Array): Promise<ReportIssued['data'] | null> {
    const digest = sha256Hex(bytes);
    for (let after: bigint | undefined; ;) {
      const page = await this.store.readAll({ after, limit: PAGE });
      const found = page.find((event) => event.type === 'ReportIssued' && event.data.digest === digest);
      if (found) return found.data as unknown as ReportIssued['data'];
      if (page.length < PAGE) return null;
      after = page[page.length - 1].position;
    }
  }

  async close(): Promise<void> {
    const pdf = this.pdf;
    this.pdf = null;
    if (pdf) await (await pdf).close();
  }

  private async readLog(): Promise<{ events: ReportEvent[]; head: { digest: string; position: bigint } }> {
    const verifier = new ChainVerifier();
    const events: ReportEvent[] = [];
    let position = 0n;
    for (let after: bigint | undefined; ;) {
      const page = await this.store.readAll({ after, limit: PAGE });
      for (const event of page) {
        const broken = verifier.check(event);
        if (broken) throw new AuditChainBrokenError(broken);
        events.push(asReportEvent(event));
        position = event.position;
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1].position;
    }
    return { events, head: { digest: verifier.auditHead(position).digest, position } };
  }

  private async people(organisationId: string): Promise<(userId: string) => Person> {
    const users = new Map((await this.directory.usersOf(organisationId)).map((user) => [user.userId, user]));
    return (userId) => ({
      userId,
      name: this.directory.displayName(userId),
      roles: users.get(userId)?.roles ?? [],
    });
  }
}

/** The day after the last report issued on the inspection (as at or before `asOf`), or null: since the inspection. */
function sinceLastIssue(
  events: readonly ReportEvent[],
  inspectionId: string,
  asOf: CalendarDate,
): CalendarDate | null {
  const streamId = reportIssuesStreamId(inspectionId);
  let last: CalendarDate | null = null;
  for (const event of events) {
    if (event.streamId === streamId && event.type === 'ReportIssued') last = event.data.asOf as CalendarDate;
  }
  if (last === null) return null;
  const next = addToCalendarDate(last, { days: 1 });
  return next > asOf ? asOf : next;
}
