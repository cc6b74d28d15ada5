import type { LinkScore } from './action-link.scorer';
import type { FindingScore } from './finding-match.scorer';
import { SCORED_FIELDS, type EvaluationSummary } from './letter-evaluation';

/** The evaluation as plain-text tables: findings per letter and overall, then each field's accuracy. */
export function formatEvaluationTable(summary: EvaluationSummary): string {
  const findingRows = summary.letters.map((letter) => [
    letter.name,
    ...findingCells(letter.findings),
    `${SCORED_FIELDS.filter((field) => letter.fields[field]).length}/${SCORED_FIELDS.length}`,
    links(letter.links),
    letter.error ?? wrongFields(letter.fields),
  ]);
  findingRows.push(['OVERALL (micro)', ...findingCells(summary.findings), '', links(summary.links), '']);
  const fieldRows = SCORED_FIELDS.map((field) => [
    field,
    percent(summary.fieldAccuracy[field]),
    `${summary.letters.filter((letter) => letter.fields[field]).length}/${summary.letters.length}`,
  ]);
  return [
    table(
      ['letter', 'pred', 'gold', 'match', 'P', 'R', 'F1', 'fields', 'links', 'wrong fields / error'],
      findingRows,
    ),
    '',
    table(['field', 'accuracy', 'right'], fieldRows),
    '',
    `action links to findings: ${links(summary.links) || 'none to score'}`,
  ].join('\n');
}

function findingCells(score: FindingScore): string[] {
  return [
    String(score.predicted),
    String(score.expected),
    String(score.matched),
    score.precision.toFixed(3),
    score.recall.toFixed(3),
    score.f1.toFixed(3),
  ];
}

/** "3/4" of a committee report's actions linked to the right finding; empty where there are none. */
function links(score: LinkScore): string {
  return score.total ? `${score.right}/${score.total}` : '';
}

function wrongFields(fields: Record<string, boolean>): string {
  return Object.keys(fields)
    .filter((field) => !fields[field])
    .join(', ');
}

function percent(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column].length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}
