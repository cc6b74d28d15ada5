import {
  assertHasText,
  assertLooksLikePdf,
  assertNotEmpty,
  assertNotTooLarge,
  letterFileKind,
} from '../input/letter-input.checks';
import { extractPdfText } from './pdf-text.extractor';
import { decodeTextFile } from './text-file.decoder';

/**
 * The text of an uploaded letter (`.txt`, `.md` or `.pdf`), ready for `parseLetter`.
 * Throws `LetterInputError` for empty, oversized, binary, unsupported, corrupt or text-less files.
 */
export async function extractLetterText(
  bytes: Uint8Array,
  fileName: string,
  mediaType?: string,
): Promise<string> {
  assertNotEmpty(bytes, fileName);
  assertNotTooLarge(bytes, fileName);
  const kind = letterFileKind(fileName, mediaType);
  let text: string;
  if (kind === 'pdf') {
    assertLooksLikePdf(bytes, fileName);
    text = await extractPdfText(bytes, fileName);
  } else {
    text = decodeTextFile(bytes, fileName);
  }
  assertHasText(text, fileName, kind);
  return text;
}
