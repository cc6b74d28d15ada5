import { LetterInputError } from './letter-input.error';

export const MAX_LETTER_BYTES = 10 * 1024 * 1024;

export type LetterFileKind = 'text' | 'pdf';

const KIND_BY_EXTENSION: Record<string, LetterFileKind> = {
  txt: 'text',
  md: 'text',
  markdown: 'text',
  pdf: 'pdf',
};
const KIND_BY_MEDIA_TYPE: Record<string, LetterFileKind> = {
  'text/plain': 'text',
  'text/markdown': 'text',
  'text/x-markdown': 'text',
  'application/pdf': 'pdf',
};

export function assertNotEmpty(bytes: Uint8Array, fileName: string): void {
  if (bytes.byteLength === 0) {
    throw new LetterInputError('empty', `"${fileName}" is empty: there is no letter to read.`);
  }
}

export function assertNotTooLarge(bytes: Uint8Array, fileName: string): void {
  if (bytes.byteLength > MAX_LETTER_BYTES) {
    throw new LetterInputError(
      'too_large',
      `"${fileName}" is ${bytes.byteLength} bytes, over the ${MAX_LETTER_BYTES / 1024 / 1024} MB limit for a letter.`,
    );
  }
}

/** The file's extension decides; the media type is only consulted when the name has no extension. */
export function letterFileKind(fileName: string, mediaType?: string): LetterFileKind {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase();
  const byExtension = extension === undefined ? undefined : KIND_BY_EXTENSION[extension];
  if (byExtension) return byExtension;
  const byMediaType = mediaType
    ? KIND_BY_MEDIA_TYPE[mediaType.split(';')[0].trim().toLowerCase()]
    : undefined;
  if (byMediaType && extension === undefined) return byMediaType;
  throw new LetterInputError(
    'unsupported_type',
    `"${fileName}" is not a supported letter file: upload a .txt, .md or .pdf file.`,
  );
}

export function assertLooksLikePdf(bytes: Uint8Array, fileName: string): void {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) {
    throw new LetterInputError(
      'unreadable_pdf',
      `"${fileName}" is not a readable PDF: it does not start like a PDF file.`,
    );
  }
}

export function assertHasText(text: string, fileName: string, kind: LetterFileKind): void {
  if (/[\p{L}\p{N}]/u.test(text)) return;
  if (kind === 'pdf') {
    throw new LetterInputError(
      'no_text_layer',
      `"${fileName}" has no text layer (it is probably a scan); export the letter as text or run OCR first.`,
    );
  }
  throw new LetterInputError('empty', `"${fileName}" contains no text.`);
}

/** Words no inspection letter, report or summary is without. */
const INSPECTION_VOCABULARY =
  /\b(?:ofsted|inspect(?:ion|ions|ed|or|ors)|local authority|council|children['’]?s services|safeguarding|child protection)\b/i;

export function assertIsText(text: unknown): asserts text is string {
  if (typeof text !== 'string') {
    throw new LetterInputError('not_a_letter', `Expected the letter's text as a string, got ${typeof text}.`);
  }
  if (!/[\p{L}\p{N}]/u.test(text)) throw new LetterInputError('empty', 'The letter has no text.');
  if (text.length > MAX_LETTER_BYTES) {
    throw new LetterInputError(
      'too_large',
      `The letter's text is longer than ${MAX_LETTER_BYTES} characters.`,
    );
  }
}

/** A text with neither an inspection's vocabulary nor any finding is something other than a letter. */
export function assertIsInspectionLetter(text: string, findingCount: number): void {
  if (findingCount > 0 || INSPECTION_VOCABULARY.test(text)) return;
  throw new LetterInputError(
    'not_a_letter',
    'This does not look like an inspection letter or report: it names no inspection, council or local ' +
      'authority and no findings could be found in it.',
  );
}
