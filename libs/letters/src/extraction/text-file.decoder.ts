import { LetterInputError } from '../input/letter-input.error';

/** Control characters other than tab, newline, form feed and carriage return never occur in a real letter. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const STRAY_CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;

/** Decodes a .txt/.md letter: UTF-8 (or UTF-16 with a byte-order mark); anything else is refused as binary. */
export function decodeTextFile(bytes: Uint8Array, fileName: string): string {
  let text: string;
  try {
    text = new TextDecoder(byteOrderMarkEncoding(bytes), { fatal: true }).decode(bytes);
  } catch (error) {
    throw binary(fileName, 'it is not valid UTF-8 text', error);
  }
  if (STRAY_CONTROL.test(text)) throw binary(fileName, 'it contains control bytes');
  return text;
}

function byteOrderMarkEncoding(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

function binary(fileName: string, why: string, cause?: unknown): LetterInputError {
  return new LetterInputError(
    'binary',
    `"${fileName}" looks like a binary file, not a text letter: ${why}.`,
    cause === undefined ? undefined : { cause },
  );
}
