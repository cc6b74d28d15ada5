import { MAX_PLAN_ROWS } from '../input/limits';
import { SpreadsheetInputError } from '../input/spreadsheet-input.error';

export const tooManyRows = (rows: number): SpreadsheetInputError =>
  new SpreadsheetInputError(
    'too_many_rows',
    `This sheet has ${rows} rows; an import takes at most ${MAX_PLAN_ROWS.toLocaleString('en-GB')}. Split the plan into several sheets.`,
  );
