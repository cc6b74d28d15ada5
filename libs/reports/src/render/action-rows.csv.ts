import { stringify } from 'csv-stringify/sync';
import { describeEvidenceFile } from '../model/evidence-summary';
import type { CommitteeReport } from '../model/committee-report';

const COLUMNS = [
  'authority',
  'inspection_id',
  'finding_category',
  'finding',
  'action_id',
  'action',
  'owner',
  'owner_roles',
  'status',
  'original_due_date',
  'due_date',
  'times_moved',
  'moves',
  'overdue',
  'overdue_against_original',
  'completed_on',
  'verified_on',
  'evidence',
  'since',
];

/**
 * A cell a spreadsheet would run as a formula (text users typed that starts with =, +, -, @, a tab or a return)
 * is prefixed with an apostrophe, as OWASP advises for CSV opened in Excel: the text stays readable, and inert.
 */
export function spreadsheetSafe(cell: string | number | boolean): string | number | boolean {
  return typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** One row per action, with the same facts as the papers, for a spreadsheet. */
export function renderActionRowsCsv(reports: CommitteeReport | readonly CommitteeReport[]): string {
  const all = Array.isArray(reports) ? (reports as readonly CommitteeReport[]) : [reports as CommitteeReport];
  const rows = all.flatMap((report) =>
    report.findings.flatMap((finding) =>
      finding.actions.map((action) => [
        report.inspection.authority,
        report.inspection.inspectionId,
        finding.category,
        finding.text,
        action.actionId,
        action.title,
        action.owner?.name ?? '',
        action.owner?.roles.join(' ') ?? '',
        action.status,
        action.originalDueDate ?? '',
        action.dueDate ?? '',
        action.moves.length,
        action.moves
          .map((m) => `${m.on}: ${m.from} -> ${m.to}${m.reason ? ` (${m.reason})` : ''}`)
          .join('; '),
        action.overdue,
        action.overdueAgainstOriginal,
        action.completedOn ?? '',
        action.verifiedOn ?? '',
        [action.completionSummary, ...action.evidence, ...action.evidenceFiles.map(describeEvidenceFile)]
          .filter(Boolean)
          .join('; '),
        action.since.map((item) => `${item.on}: ${item.what}`).join('; '),
      ]),
    ),
  );
  return stringify(
    rows.map((row) => row.map(spreadsheetSafe)),
    { header: true, columns: COLUMNS },
  );
}
