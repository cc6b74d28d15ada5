export type SpreadsheetInputReason =
  'not_a_spreadsheet' | 'password_protected' | 'no_action_column' | 'too_many_rows' | 'empty';

/** A file that cannot be read as a plan, for a reason the person who sent it can act on: a 400. */
export class SpreadsheetInputError extends Error {
  constructor(
    readonly reason: SpreadsheetInputReason,
    message: string,
  ) {
    super(message);
    this.name = 'SpreadsheetInputError';
  }
}

export const isSpreadsheetInputError = (error: unknown): error is SpreadsheetInputError =>
  error instanceof SpreadsheetInputError;
