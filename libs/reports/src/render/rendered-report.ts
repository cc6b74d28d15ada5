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

/** The report in one format; PDF needs a browser, started by the caller and kept for the next one. */
export async function renderReport(
  report: CommitteeReport,
  format: ReportFormat,
  pdf: () => Promise<PdfRenderer>,
  options: PaperOptions = {},
): Promise<RenderedReport> {
  const fileName = `committee-report-${report.inspection.inspectionId}-${report.asOf}.${format}`;
  const done = (bytes: Buffer) => ({ bytes, contentType: CONTENT_TYPES[format], fileName });
  if (format === 'csv') return done(Buffer.from(renderActionRowsCsv(report), 'utf8'));
  const paper = committeePaper(report, options);
  if (format === 'docx') return done(await renderCommitteeReportDocx(paper));
  const html = renderCommitteeReportHtml(paper);
  if (format === 'html') return done(Buffer.from(html, 'utf8'));
  return done(await (await pdf()).render(html, paper.subject));
}
