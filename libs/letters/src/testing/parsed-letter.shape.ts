import {
  DOCUMENT_TYPES,
  FINDING_CATEGORIES,
  INSPECTION_TYPES,
  JUDGEMENTS,
  TIMESCALES,
  type ParsedLetter,
} from '../letter.types';

const isIsoDay = (value: unknown): boolean =>
  typeof value === 'string' &&
  /^\d{4}-\d{2}-\d{2}$/.test(value) &&
  new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
const isIsoMonth = (value: unknown) => typeof value === 'string' && /^\d{4}-(?:0[1-9]|1[0-2])$/.test(value);
const isText = (value: unknown) => typeof value === 'string' && value.trim() !== '' && value === value.trim();
const oneOf = (allowed: readonly unknown[], value: unknown) => allowed.includes(value);

/** Everything wrong with a parse result's shape; empty when it has exactly the gold shape. */
export function shapeProblems(letter: ParsedLetter): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => ok || problems.push(problem);
  check(
    Object.keys(letter).join() ===
      'documentType,authority,inspectionType,letterDate,inspectionDates,inspector,overallJudgement,judgements,planDeadline,previousInspection,findings,actionsTaken',
    `keys ${Object.keys(letter).join()}`,
  );
  check(oneOf(DOCUMENT_TYPES, letter.documentType), `documentType ${letter.documentType}`);
  check(oneOf(INSPECTION_TYPES, letter.inspectionType), `inspectionType ${letter.inspectionType}`);
  check(letter.authority === null || isText(letter.authority), `authority ${letter.authority}`);
  check(letter.inspector === null || isText(letter.inspector), `inspector ${letter.inspector}`);
  check(letter.letterDate === null || isIsoDay(letter.letterDate), `letterDate ${letter.letterDate}`);
  check(letter.overallJudgement === null || oneOf(JUDGEMENTS, letter.overallJudgement), 'overallJudgement');
  check(
    Array.isArray(letter.inspectionDates) &&
      letter.inspectionDates.every(isIsoDay) &&
      letter.inspectionDates.every((day, index, days) => index === 0 || days[index - 1] < day),
    `inspectionDates ${letter.inspectionDates}`,
  );
  check(
    Array.isArray(letter.judgements) &&
      letter.judgements.every(
        (judgement) =>
          Object.keys(judgement).join() === 'area,grade' &&
          isText(judgement.area) &&
          oneOf(JUDGEMENTS, judgement.grade),
      ),
    `judgements ${JSON.stringify(letter.judgements)}`,
  );
  const deadline = letter.planDeadline;
  check(
    deadline === null ||
      ('workingDays' in deadline
        ? Object.keys(deadline).join() === 'workingDays' &&
          Number.isInteger(deadline.workingDays) &&
          deadline.workingDays > 0
        : Object.keys(deadline).join() === 'date' && isIsoDay(deadline.date)),
    `planDeadline ${JSON.stringify(deadline)}`,
  );
  const previous = letter.previousInspection;
  check(
    previous === null ||
      (Object.keys(previous).join() === 'date,areasAddressed' &&
        (previous.date === null || isIsoMonth(previous.date) || /^\d{4}$/.test(previous.date)) &&
        oneOf([true, false, null], previous.areasAddressed)),
    `previousInspection ${JSON.stringify(previous)}`,
  );
  for (const finding of letter.findings) {
    check(
      Object.keys(finding).join() === 'category,timescale,text' &&
        oneOf(FINDING_CATEGORIES, finding.category) &&
        oneOf(TIMESCALES, finding.timescale) &&
        isText(finding.text),
      `finding ${JSON.stringify(finding)}`,
    );
  }
  for (const action of letter.actionsTaken) {
    check(
      Object.keys(action).join() === 'area,text,date' &&
        typeof action.area === 'string' &&
        isText(action.text) &&
        (action.date === null || isIsoDay(action.date) || isIsoMonth(action.date)),
      `action ${JSON.stringify(action)}`,
    );
  }
  return problems;
}
