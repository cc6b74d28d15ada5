import type { ReportFormat } from '@actionledger/domain';
import type { CommitteeReport } from '../model/committee-report';
import { committeePaper, type PaperOptions } from '../paper/committee-paper';
import { renderActionRowsCsv } from './action-rows.csv';
import { renderCommitteeReportDocx } from './committee-report.docx';
import { renderCommitteeReportHtml } from './committee-report.html';
import type { PdfRenderer } from './committee-report.pdf';

export interface RenderedReport {
  bytes: Buffer;
  contentType: string;
  fileName: string;
}

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
};

/**
 * The report on one inspection, or the reports on several as one file, in one format; PDF needs a browser,
 * started by the caller and kept for the next one.
 */
export async function renderReport(
  reports: CommitteeReport | readonly CommitteeReport[],
  format: ReportFormat,
  pdf: () => Promise<PdfRenderer>,
  options: PaperOptions = {},
): Promise<RenderedReport> {
  const all = Array.isArray(reports) ? (reports as readonly CommitteeReport[]) : [reports as CommitteeReport];
  if (all.length === 0) throw new RangeError('There is no report to render.');
  const which = all.length === 1 ? `${all[0].inspection.inspectionId}-` : '';
  const fileName = `committee-report-${which}${all[0].asOf}.${format}`;
  const done = (bytes: Buffer) => ({ bytes, contentType: CONTENT_TYPES[format], fileName });
  if (format === 'csv') return done(Buffer.from(renderActionRowsCsv(all), 'utf8'));
  const papers = all.map((report) => committeePaper(report, options));
  if (format === 'docx') return done(await renderCommitteeReportDocx(papers));
  const html = renderCommitteeReportHtml(papers);
  if (format === 'html') return done(Buffer.from(html, 'utf8'));
  const footer =
    papers.length === 1 ? papers[0].subject : `${papers.length} inspections, as at ${all[0].asOf}`;
  return done(await (await pdf()).render(html, footer));
}
