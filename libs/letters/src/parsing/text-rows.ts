import { BLOCK_TAG, isUnderlined, stripInlineMarkup } from './html-remnants';

/**
 * One printed line of the letter (or a piece of one, where several bullets or an HTML list were run together
 * on one line), cleaned of mark-up, with its list marker and numbering read off and its place in the input.
 */
export interface Row {
  /** The content: no bullet mark, numbering, tags or markdown; whitespace collapsed. */
  text: string;
  blank: boolean;
  bullet: boolean;
  /** Paragraph or list numbering read off the front: "4", "5.2", "a". */
  number: string | null;
  markdownHeading: boolean;
  underlined: boolean;
  indent: number;
  /** Offsets of the piece in the input (end exclusive) and its 1-based line. */
  start: number;
  end: number;
  line: number;
}

/**
 * Bullet glyphs: the geometric shapes (■ ▪ ◼ ● ○ ► …), arrows and ticks, and what a Symbol/Wingdings bullet
 * becomes when it loses its font: a private-use code point, or a C1 control character.
 */
const BULLET_GLYPHS = '•‣⁃∙·\\u0080-\\u009f\\u25a0-\\u25ff➢➤➔✓✔❖\\uf020-\\uf0ff\\ufffd';
const GLYPH_BULLET = new RegExp(`(?<=^|\\s)[${BULLET_GLYPHS}](?=\\s|$)`, 'g');
const LONE_GLYPH = new RegExp(`^\\s*[${BULLET_GLYPHS}]\\s*$`);
/** A bullet mark, or what a lost glyph becomes: a letter o or a question mark before a capital. */
const LEADING_BULLET = new RegExp(`^(?:[-*${BULLET_GLYPHS}]|[o?](?=\\s+\\p{Lu}))\\s+`, 'u');
const LEADING_NUMBER = /^(?:(\d{1,2}(?:\.\d{1,2})+)\.?|(\d{1,3})[.)]|\(?([a-z]|[ivx]{1,4})\))\s+(?=\S)/;
const MARKDOWN_HEADING = /^#{1,6}\s+/;
/** Marker and numbering in the raw piece, so that what follows them can be checked for underlining. */
const LEADING_MARKS_RAW = new RegExp(
  `^\\s*(?:[-*${BULLET_GLYPHS}]\\s+)?(?:\\d{1,2}(?:\\.\\d{1,2})*[.)]?\\s+)?`,
);

export function readRows(text: string): Row[] {
  const rows: Row[] = [];
  const linePattern = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let lineNumber = 0;
  let bulletPending = false;
  for (const match of text.matchAll(linePattern)) {
    if (match[0] === '') break;
    lineNumber += 1;
    const content = match[0].replace(/[\r\n]+$/, '');
    const pieces = splitLine(content, match.index);
    const readable = pieces.map((piece) => readPiece(piece, lineNumber)).filter((row) => row !== null);
    if (readable.length && bulletPending) readable[0].bullet = true;
    // A bullet mark left alone at the end of a line marks the item the next line with text starts (a blank
    // line may stand between them, where the glyph was set apart from its text).
    if (readable.length || !bulletPending) bulletPending = LONE_GLYPH.test(pieces[pieces.length - 1].raw);
    rows.push(...(readable.length ? readable : [blankRow(match.index, lineNumber)]));
  }
  return rows;
}

interface Piece {
  raw: string;
  start: number;
  listItem: boolean;
  indent: number;
}

/** Cuts a line where a block tag stands or a bullet glyph opens a new item. */
function splitLine(line: string, lineStart: number): Piece[] {
  const cuts: Array<{ at: number; skip: number; listItem: boolean }> = [];
  for (const tag of line.matchAll(BLOCK_TAG)) {
    cuts.push({ at: tag.index, skip: tag[0].length, listItem: /^<li\b/i.test(tag[0]) });
  }
  for (const glyph of line.matchAll(GLYPH_BULLET)) cuts.push({ at: glyph.index, skip: 0, listItem: false });
  cuts.sort((a, b) => a.at - b.at);

  const indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
  const pieces: Piece[] = [];
  let from = 0;
  let listItem = false;
  for (const cut of cuts) {
    if (cut.at < from) continue;
    pieces.push({
      raw: line.slice(from, cut.at),
      start: lineStart + from,
      listItem,
      indent: from === 0 ? indent : 0,
    });
    from = cut.at + cut.skip;
    listItem = cut.listItem;
  }
  pieces.push({ raw: line.slice(from), start: lineStart + from, listItem, indent: from === 0 ? indent : 0 });
  return pieces;
}

function readPiece(piece: Piece, line: number): Row | null {
  let text = stripInlineMarkup(piece.raw).replace(/\s+/g, ' ').trim();
  if (!/[\p{L}\p{N}]/u.test(text)) return null;

  const markdownHeading = MARKDOWN_HEADING.test(text);
  text = text.replace(MARKDOWN_HEADING, '').replace(/\s+#+$/, '');
  const bullet = piece.listItem || LEADING_BULLET.test(text);
  text = text.replace(LEADING_BULLET, '');
  const numbering = LEADING_NUMBER.exec(text);
  if (numbering) text = text.slice(numbering[0].length);

  const leading = piece.raw.length - piece.raw.trimStart().length;
  return {
    text,
    blank: false,
    bullet,
    number: numbering ? (numbering[1] ?? numbering[2] ?? numbering[3]) : null,
    markdownHeading,
    underlined: isUnderlined(piece.raw.replace(LEADING_MARKS_RAW, '')),
    indent: piece.indent,
    start: piece.start + leading,
    end: piece.start + piece.raw.trimEnd().length,
    line,
  };
}

function blankRow(start: number, line: number): Row {
  return {
    text: '',
    blank: true,
    bullet: false,
    number: null,
    markdownHeading: false,
    underlined: false,
    indent: 0,
    start,
    end: start,
    line,
  };
}
