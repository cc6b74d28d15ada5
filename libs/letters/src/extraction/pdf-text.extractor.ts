import { LetterInputError } from '../input/letter-input.error';
import { loadPdfJs, type PdfPage, type PdfTextItem } from './pdfjs.loader';

interface TextLine {
  y: number;
  size: number;
  parts: Array<{ x: number; endX: number; text: string }>;
}

/** A gap this many times the font size between two lines is a paragraph break, whatever the page's leading. */
const PARAGRAPH_GAP_IN_FONT_SIZES = 1.75;

/**
 * Reads a PDF's text layer into text shaped like the `.txt` letters: one line per printed line, a blank line
 * where the vertical gap between lines shows a new paragraph, and two blank lines between pages.
 */
export async function extractPdfText(bytes: Uint8Array, fileName: string): Promise<string> {
  const pdfjs = await loadPdfJs();
  // pdfjs may take ownership of the buffer it is given, so hand it a copy (a plain Uint8Array: it refuses a
  // Node Buffer).
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
  });
  try {
    const document = await task.promise;
    const pages: string[] = [];
    for (let pageNumber = 1; pageNumber <= document.numPages; pageNumber++) {
      pages.push(await pageText(await document.getPage(pageNumber)));
    }
    return pages.join('\n\n\n');
  } catch (error) {
    throw new LetterInputError(
      'unreadable_pdf',
      `"${fileName}" could not be read as a PDF: ${describe(error)}`,
      {
        cause: error,
      },
    );
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

async function pageText(page: PdfPage): Promise<string> {
  const { items } = await page.getTextContent();
  const lines = groupIntoLines(items.filter((item): item is PdfTextItem => 'str' in item));
  const baseline = typicalLineGap(lines);
  const out: string[] = [];
  lines.forEach((line, index) => {
    const previous = lines[index - 1];
    if (previous && isParagraphGap(previous, line, baseline)) out.push('');
    out.push(lineText(line));
  });
  return out.join('\n');
}

function groupIntoLines(items: PdfTextItem[]): TextLine[] {
  const lines: TextLine[] = [];
  let current: TextLine | undefined;
  let endOfLine = false;
  for (const item of items) {
    const [, , skewY, scaleY, x, y] = item.transform;
    const size = Math.hypot(skewY, scaleY) || item.height || 1;
    if (item.str.length > 0) {
      if (!current || endOfLine || Math.abs(current.y - y) > size * 0.5) {
        current = { y, size, parts: [] };
        lines.push(current);
      }
      current.size = Math.max(current.size, size);
      current.parts.push({ x, endX: x + item.width, text: item.str });
      endOfLine = false;
    }
    if (item.hasEOL) endOfLine = true;
  }
  // Reading order is top to bottom (headers and footers are often drawn last); the sort is stable, so lines
  // at the same height keep their content order.
  return lines.sort((a, b) => (Math.abs(a.y - b.y) > 1 ? b.y - a.y : 0));
}

function lineText(line: TextLine): string {
  const parts = [...line.parts].sort((a, b) => a.x - b.x);
  let text = '';
  let previousEnd: number | undefined;
  for (const part of parts) {
    const gap = previousEnd === undefined ? 0 : part.x - previousEnd;
    if (text && gap > line.size * 0.15 && !/\s$/.test(text) && !/^\s/.test(part.text)) text += ' ';
    text += part.text;
    previousEnd = part.endX;
  }
  return text.trimEnd();
}

/** The lower quartile of the gaps between lines: the page's ordinary line spacing. */
function typicalLineGap(lines: TextLine[]): number {
  const gaps = lines
    .slice(1)
    .map((line, index) => lines[index].y - line.y)
    .filter((gap) => gap > 0)
    .sort((a, b) => a - b);
  return gaps.length ? gaps[Math.floor(gaps.length / 4)] : 0;
}

function isParagraphGap(previous: TextLine, line: TextLine, baseline: number): boolean {
  const gap = previous.y - line.y;
  const size = Math.max(previous.size, line.size);
  if (gap > size * PARAGRAPH_GAP_IN_FONT_SIZES) return true;
  return baseline > 0 && gap > baseline * 1.4 && gap > size * 1.3;
}

function describe(error: unknown): string {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'PasswordException') return 'it is password-protected.';
  if (name === 'InvalidPDFException') return 'the file is corrupt or not a PDF.';
  return error instanceof Error ? error.message : String(error);
}
