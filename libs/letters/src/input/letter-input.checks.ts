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

/** How an inspection document names what it is about: the inspectorate, an inspection or a visit. */
const NAMES_AN_INSPECTION =
  /\b(?:ofsted|inspect(?:ion|ions|ed|or|ors)|focused visit|monitoring visit|joint targeted area)\b/i;

/**
 * The most findings one document may propose. The longest real reports list a few dozen; the draft's edit
 * route takes 500.
 */
export const MAX_FINDINGS = 500;
/** Lines that open a list item, counted before parsing so that a flood is refused before it is read. */
const MAX_LIST_LINES = MAX_FINDINGS * 4;
const LIST_LINE = /^[ \t]*(?:[-*•▪◦●■◼➢➤✓]|\d{1,4}[.)]|\(?[a-z]\))[ \t]+\S/gm;

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

/** Refuses a text set out as a list far longer than any inspection document's, before it is parsed. */
export function assertNotTooManyItems(text: string): void {
  let lines = 0;
  for (LIST_LINE.lastIndex = 0; LIST_LINE.exec(text) !== null;) {
    if (++lines > MAX_LIST_LINES) throw tooManyFindings(`over ${MAX_LIST_LINES} list items`);
  }
}

export function assertNotTooManyFindings(findingCount: number): void {
  if (findingCount > MAX_FINDINGS) throw tooManyFindings(`${findingCount} findings`);
}

function tooManyFindings(what: string): LetterInputError {
  return new LetterInputError(
    'too_many_findings',
    `This document proposes ${what}, more than the ${MAX_FINDINGS} any inspection document has; ` +
      'it cannot be imported as one.',
  );
}

/** What the parser read that only an inspection document gives. */
export interface InspectionEvidence {
  findings: number;
  judgements: number;
  /** The visit's dates were found and the document names its inspection's framework. */
  datedVisitOfAKnownFramework: boolean;
}

/**
 * An inspection document names an inspection (or Ofsted, or a visit), and has what one reports: findings, a
 * table of judgements, or at least the dates of a visit under a framework it names. An invoice or minutes
 * that mention the council, or a README that mentions Ofsted, have not.
 */
export function assertIsInspectionDocument(text: string, evidence: InspectionEvidence): void {
  const reports = evidence.findings > 0 || evidence.judgements > 0 || evidence.datedVisitOfAKnownFramework;
  if (NAMES_AN_INSPECTION.test(text) && reports) return;
  throw new LetterInputError(
    'not_a_letter',
    NAMES_AN_INSPECTION.test(text)
      ? 'This does not look like an inspection letter or report: it mentions an inspection, but no findings, ' +
          'judgements or dated visit could be read from it.'
      : 'This does not look like an inspection letter or report: it names no inspection, Ofsted or visit.',
  );
}
