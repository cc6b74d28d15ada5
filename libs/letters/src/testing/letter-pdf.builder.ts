import { PDFDocument, StandardFonts, rgb, type PDFFont } from 'pdf-lib';

const PAGE = { width: 595, height: 842, margin: 56 };
const FONT_SIZE = 11;
const LEADING = 14;

/** Glyphs Helvetica's WinAnsi encoding lacks, mapped to ones it has. */
const ENCODABLE: Record<string, string> = { '▪': '•', '\t': ' ' };

/**
 * Typesets a letter's text as a PDF the way a word processor would: lines wrapped to the page width, a
 * blank line of space between paragraphs, new pages as they fill up.
 */
export async function buildLetterPdf(text: string): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  let page = document.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - PAGE.margin;
  const room = PAGE.width - 2 * PAGE.margin;
  for (const line of text.split(/\r?\n/)) {
    const wrapped = line.trim() === '' ? [''] : wrap(encodable(line, font), font, room);
    for (const piece of wrapped) {
      if (y < PAGE.margin) {
        page = document.addPage([PAGE.width, PAGE.height]);
        y = PAGE.height - PAGE.margin;
      }
      if (piece) page.drawText(piece, { x: PAGE.margin, y, size: FONT_SIZE, font });
      y -= LEADING;
    }
  }
  return document.save();
}

/** A PDF with a drawing on it but no text at all, like a scanned page. */
export async function buildPdfWithoutText(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.addPage([PAGE.width, PAGE.height]).drawRectangle({
    x: 100,
    y: 400,
    width: 300,
    height: 200,
    color: rgb(0.2, 0.3, 0.8),
  });
  return document.save();
}

function encodable(line: string, font: PDFFont): string {
  return [...line]
    .map((character) => ENCODABLE[character] ?? character)
    .map((character) => (canEncode(font, character) ? character : '?'))
    .join('');
}

function canEncode(font: PDFFont, character: string): boolean {
  try {
    font.encodeText(character);
    return true;
  } catch {
    return false;
  }
}

/**
 * Breaks at spaces, but never inside an HTML tag left in the text, nor before a dash (so that a wrapped
 * line cannot start like a bullet).
 */
function wrap(line: string, font: PDFFont, room: number): string[] {
  const indent = /^\s*/.exec(line)![0];
  const words = line.trim().split(/\s+(?![^<>]*>)/);
  const lines: string[] = [];
  let current = indent;
  for (const word of words) {
    const candidate = current.trim() ? `${current} ${word}` : `${current}${word}`;
    const keepWithPrevious = /^[-–—]$/.test(word);
    if (current.trim() && !keepWithPrevious && font.widthOfTextAtSize(candidate, FONT_SIZE) > room) {
      lines.push(current);
      current = `${indent}${word}`;
    } else {
      current = candidate;
    }
  }
  lines.push(current);
  return lines;
}
