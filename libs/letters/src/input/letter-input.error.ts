export type LetterInputReason =
  | 'empty'
  | 'binary'
  | 'too_large'
  | 'no_text_layer'
  | 'unsupported_type'
  | 'unreadable_pdf'
  | 'not_a_letter'
  /** More findings than any inspection document has: a list that is not an inspection's, or a flood. */
  | 'too_many_findings'
  /** The parser failed on text it should have coped with: a bug, reported rather than thrown raw. */
  | 'unparseable';

/**
 * The one error the letters library throws on bad input: a file or text that cannot be read as an
 * inspection letter. `reason` is a stable code for callers; `message` is meant for the person importing.
 */
export class LetterInputError extends Error {
  override readonly name = 'LetterInputError';

  constructor(
    readonly reason: LetterInputReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isLetterInputError(error: unknown): error is LetterInputError {
  return error instanceof LetterInputError;
}
