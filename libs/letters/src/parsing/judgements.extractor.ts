import type { Judgement, SubJudgement } from '../letter.types';
import type { LetterLayout } from './letter-layout';
import { spanOf, type Located } from './source-span';
import type { Row } from './text-rows';

/** A grade as a table prints it, at the end of a cell's line; "Requires improvement to" may wrap before "be good". */
const GRADE_AT_END =
  /(?:^|\s)(outstanding|good|adequate|inadequate|requires improvement(?: to(?: be good)?)?)$/i;
const GRADE_TAIL = /^be good$/i;
const TABLE_HEADER = /^(?:judgements?|grades?|judgements? grades?)$/i;
/** The longest line a table cell is taken to be; a longer one is running text. */
const MAX_CELL_WORDS = 12;
/** Words a wrapped heading breaks after: the next line carries it on even if it starts with a capital. */
const RUNS_ON = /\b(?:and|of|for|the|in|on|with|who|to|a|an)$/i;
/** "The effectiveness of the LSCB is good": a sentence stating a grade, not a cell of the table. */
const STATES_A_GRADE = /\b(?:is|are|was|were|be|been|as)$/i;
const OVERALL = /\boverall\b/i;

interface Entry {
  area: string;
  grade: Judgement | null;
  row: Row;
}

export interface JudgementsTable {
  judgements: Located<SubJudgement[]>;
  /** The table's "Overall effectiveness" row, where it has one. */
  overall: Located<Judgement> | null;
}

/**
 * A full report's table of judgements: each area's heading (wrapped over lines) and its grade, which the
 * text gives on the heading's line, on a line of its own after it, or (from a PDF laid out with the grade
 * centred beside a wrapped heading) in between or just before. The first run of such lines grading at
 * least two areas is the table.
 */
export function extractJudgements(layout: LetterLayout): JudgementsTable {
  const rows = layout.rows.filter((row) => !row.blank);
  for (let start = 0; start < rows.length; start++) {
    if (!isCell(rows[start])) continue;
    let end = start;
    while (end < rows.length && isCell(rows[end])) end++;
    const entries = readTable(rows.slice(start, end));
    const areas = entries.filter((entry) => !OVERALL.test(entry.area));
    if (areas.length >= 2) {
      const overall = entries.find((entry) => OVERALL.test(entry.area));
      return {
        judgements: {
          value: areas.map(({ area, grade }) => ({ area, grade: grade! })),
          source: spanOf(layout.text, { ...areas[0].row, end: areas[areas.length - 1].row.end }),
        },
        overall: overall ? { value: overall.grade!, source: spanOf(layout.text, overall.row) } : null,
      };
    }
    start = end;
  }
  return { judgements: { value: [] }, overall: null };
}

function isCell(row: Row): boolean {
  const text = row.text;
  if (GRADE_TAIL.test(text)) return true;
  return (
    !row.bullet &&
    /^[\p{L}]/u.test(text) &&
    text.split(/\s+/).length <= MAX_CELL_WORDS &&
    !/[.;:,!?]$/.test(text) &&
    !text.includes(':') &&
    !STATES_A_GRADE.test(text.replace(GRADE_AT_END, ''))
  );
}

function readTable(rows: Row[]): Entry[] {
  const entries: Entry[] = [];
  let current: Entry | null = null;
  let pendingGrade: Judgement | null = null;
  for (const row of rows) {
    if (TABLE_HEADER.test(row.text) || GRADE_TAIL.test(row.text)) continue;
    const graded = GRADE_AT_END.exec(row.text);
    const words = (graded ? row.text.slice(0, graded.index) : row.text).trim();
    const grade = graded ? gradeOf(graded[1]) : null;
    if (words === '') {
      // A grade alone: the current heading's, or (where that has one already) the next heading's.
      if (current && current.grade === null) current.grade = grade;
      else pendingGrade = grade;
      continue;
    }
    const carriesOn =
      current !== null && (/^\p{Ll}/u.test(words) || (current.grade === null && RUNS_ON.test(current.area)));
    if (carriesOn) {
      current!.area = `${current!.area} ${words}`;
      current!.grade ??= grade;
    } else {
      // An ungraded line before a new heading was a caption over the table, not an area.
      if (current && current.grade === null) entries.pop();
      current = { area: words, grade: grade ?? pendingGrade, row };
      pendingGrade = null;
      entries.push(current);
    }
  }
  return entries.filter((entry) => entry.grade !== null);
}

function gradeOf(words: string): Judgement {
  const lower = words.toLowerCase();
  return lower.startsWith('requires') ? 'requires_improvement' : (lower as Judgement);
}
