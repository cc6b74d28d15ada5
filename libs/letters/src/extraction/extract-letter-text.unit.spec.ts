import {
  LetterInputError,
  MAX_LETTER_BYTES,
  extractLetterText,
  parseLetter,
  type ParsedLetter,
} from '@actionledger/letters';
import { normaliseFindingText } from '../evaluation/finding-match.scorer';
import { readLettersWithGold } from '../evaluation/letters-folder.evaluator';
import { buildLetterPdf, buildPdfWithoutText } from '../testing/letter-pdf.builder';
import { EXTRA_LETTERS_FOLDER, seedLetters } from '../testing/letters-folders';

const utf8 = (text: string) => new TextEncoder().encode(text);

async function rejection(promise: Promise<unknown>): Promise<LetterInputError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LetterInputError) return error;
    throw error;
  }
  throw new Error('expected a LetterInputError');
}

describe('extractLetterText', () => {
  describe('text files', () => {
    it('returns a .txt or .md letter as it is', async () => {
      const text = 'Dear Ms Bailey\n\nStrengths\n\n- Staff are well supported.\n';
      await expect(extractLetterText(utf8(text), 'letter.txt')).resolves.toBe(text);
      await expect(extractLetterText(utf8(text), 'letter.MD')).resolves.toBe(text);
    });

    it('drops a byte-order mark and reads UTF-16 files that have one', async () => {
      await expect(extractLetterText(utf8('\ufeffDear Sir'), 'a.txt')).resolves.toBe('Dear Sir');
      const utf16 = new Uint8Array([0xff, 0xfe, ...[...'Dear Sir'].flatMap((c) => [c.charCodeAt(0), 0])]);
      await expect(extractLetterText(utf16, 'a.txt')).resolves.toBe('Dear Sir');
    });

    it('goes by the media type when the name has no extension', async () => {
      await expect(extractLetterText(utf8('Dear Sir'), 'upload', 'text/plain; charset=utf-8')).resolves.toBe(
        'Dear Sir',
      );
    });
  });

  describe('refuses', () => {
    it.each([
      ['an empty file', new Uint8Array(0), 'letter.txt', 'empty'],
      ['a file of only whitespace', utf8(' \n\t\n'), 'letter.txt', 'empty'],
      ['NUL bytes in a .txt', new Uint8Array([0x44, 0x65, 0x00, 0x61, 0x72]), 'letter.txt', 'binary'],
      ['invalid UTF-8 in a .txt', new Uint8Array([0x44, 0xc3, 0x28, 0xff]), 'letter.md', 'binary'],
      ['an unsupported extension', utf8('Dear Sir'), 'letter.docx', 'unsupported_type'],
      ['no extension and no media type', utf8('Dear Sir'), 'letter', 'unsupported_type'],
      ['random bytes named .pdf', randomBytes(4096), 'letter.pdf', 'unreadable_pdf'],
      [
        'a PDF header followed by garbage',
        utf8(`%PDF-1.7\n${'x'.repeat(500)}`),
        'letter.pdf',
        'unreadable_pdf',
      ],
    ])('%s', async (_case, bytes, fileName, reason) => {
      const error = await rejection(extractLetterText(bytes, fileName));
      expect(error.reason).toBe(reason);
      expect(error.message).toContain(fileName);
    });

    it('a file over 10 MB', async () => {
      const error = await rejection(
        extractLetterText(new Uint8Array(MAX_LETTER_BYTES + 1).fill(65), 'big.txt'),
      );
      expect(error.reason).toBe('too_large');
      expect(MAX_LETTER_BYTES).toBe(10 * 1024 * 1024);
    });

    it('accepts a file of exactly 10 MB', async () => {
      const text = await extractLetterText(new Uint8Array(MAX_LETTER_BYTES).fill(65), 'big.txt');
      expect(text).toHaveLength(MAX_LETTER_BYTES);
    });

    it('a PDF with no text layer', async () => {
      const error = await rejection(extractLetterText(await buildPdfWithoutText(), 'scan.pdf'));
      expect(error.reason).toBe('no_text_layer');
      expect(error.message).toMatch(/no text layer/);
    });
  });

  describe('PDF letters', () => {
    const letters = [...seedLetters(), ...readLettersWithGold(EXTRA_LETTERS_FOLDER)];

    it.each(letters.map((letter) => [letter.name, letter] as const))(
      '%s: typeset as a PDF and read back, parses to its gold',
      async (_name, { text, gold }) => {
        const extracted = await extractLetterText(
          await buildLetterPdf(text),
          'letter.pdf',
          'application/pdf',
        );
        const parsed = parseLetter(extracted);
        // Line wrapping may change spacing, and Helvetica has no ▪, so compare finding text normalised.
        const comparable = (letter: ParsedLetter) => ({
          ...letter,
          findings: letter.findings.map((finding) => ({
            ...finding,
            text: normaliseFindingText(finding.text),
          })),
        });
        expect(comparable(parsed)).toEqual(comparable(gold));
      },
    );

    it('lays text out in lines, a blank line between paragraphs and two between pages', async () => {
      const text = ['Strengths', '', 'First paragraph.', '', 'Second paragraph.'].join('\n');
      const extracted = await extractLetterText(await buildLetterPdf(text), 'letter.pdf');
      expect(extracted).toBe(text);

      const twoPages = await extractLetterText(
        await buildLetterPdf(`Top\n${'\n'.repeat(60)}Bottom`),
        'letter.pdf',
      );
      expect(twoPages).toMatch(/^Top\n\n\n+Bottom$/);
    });
  });
});

function randomBytes(length: number): Uint8Array {
  let seed = 42;
  return Uint8Array.from({ length }, () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff);
}
