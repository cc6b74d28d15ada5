import {
  planImportProblems,
  planRowProblems,
  type ColumnMapping,
  type PlanImportState,
} from '@actionledger/domain';
import { columnLetter } from '@actionledger/spreadsheets';

type Draft = Exclude<PlanImportState, { status: 'none' }>;

/** Each mapped field with its column's letter and header, so the lead sees what was read from where. */
function describeColumns(columns: ColumnMapping, headers: readonly string[]) {
  return Object.fromEntries(
    Object.entries(columns).map(([field, column]) => [
      field,
      { column: columnLetter(column!), header: headers[column!] ?? '' },
    ]),
  );
}

/** The draft as the lead reviews it: the sheet, the mapping, each row with its problems; the cells themselves aside. */
export function planImportView(draft: Draft, version: number) {
  const { grid, proposal, confirmation } = draft;
  const mapped = new Set(Object.values(proposal.columns));
  return {
    id: draft.draftId,
    status: draft.status,
    fileName: draft.fileName,
    digest: draft.digest,
    format: grid.format,
    sheetName: grid.sheetName,
    otherSheets: grid.otherSheets,
    headerRow: grid.headerRow,
    target: proposal.target,
    columns: describeColumns(proposal.columns, grid.headers),
    unmappedColumns: grid.headers.flatMap((header, index) =>
      header && !mapped.has(index) ? [{ column: columnLetter(index), header }] : [],
    ),
    rows: proposal.rows.map((row) => ({ ...row, problems: planRowProblems(row) })),
    problems: planImportProblems(proposal),
    draftedAt: draft.draftedAt,
    confirmation,
    version,
  };
}
