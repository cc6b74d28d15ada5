/** What is left of a document's HTML or markdown mark-up once its text was extracted. */

/** Tags that start or end a block: where they stood, a new line begins. */
export const BLOCK_TAG = /<\/?(?:ul|ol|li|p|br|div|tr|td|th|table|tbody|thead|h[1-6])\b[^<>]*>/gi;

const INLINE_TAG = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi;
const UNDERLINED = /<u\b[^<>]*>[\s\S]*?<\/u>/gi;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  ndash: '–',
  mdash: '—',
  bull: '•',
  pound: '£',
};

/** Whether the text, tags aside, is all underlined (an underlined heading in a council report). */
export function isUnderlined(text: string): boolean {
  return /<u\b/i.test(text) && text.replace(UNDERLINED, '').replace(INLINE_TAG, '').trim() === '';
}

/** Drops inline tags (`<u>`, `<sup>`, `<span …>`), decodes entities and removes markdown emphasis. */
export function stripInlineMarkup(text: string): string {
  return decodeEntities(text.replace(INLINE_TAG, ''))
    .replace(/\*\*|__/g, '')
    .replace(/\u00a0/g, ' ');
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (entity, body: string) => {
    if (body.startsWith('#')) {
      const codePoint =
        body[1].toLowerCase() === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : entity;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
  });
}
