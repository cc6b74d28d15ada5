import type { LetterLayout } from './letter-layout';
import { spanOf, type Located } from './source-span';
import type { Row } from './text-rows';

const WORD = String.raw`[A-Z][\w'’.-]*`;
const CONNECTOR = String.raw`(?:upon|on|in|under|and|&|of|the|le|by)`;
const NAME = String.raw`${WORD}(?:\s+(?:${CONNECTOR}\s+)?${WORD}){0,6}`;

/** "Durham County Council", "Redcar and Cleveland Borough Council", "London Borough of Camden". */
const COUNCIL_NAMES = [
  new RegExp(String.raw`\b${NAME}\s+Council\b`, 'g'),
  new RegExp(String.raw`\b(?:London|Royal) Borough of ${WORD}(?:\s+(?:and\s+)?${WORD}){0,3}`, 'g'),
  new RegExp(String.raw`\bCity of ${WORD}(?:\s+${WORD}){0,3}\s+Council\b`, 'g'),
];

const CHILDRENS_COUNCIL = /\b(?:care|leaving|youth|young|children|pupils?|school|schools)\b/i;
/** How many lines the head (title, address block) runs to. */
const HEAD_ROWS = 40;

/** Where a document names the area itself: "within X children's services", "visited X", "rated X as". */
const PLACE = String.raw`(${WORD}(?:\s+(?:(?:upon|on|and)\s+)?${WORD}){0,3})`;
const PLACE_CONTEXTS = [
  new RegExp(String.raw`^${PLACE}\s*[–—:-]\s*(?:[Aa]nnual\s+)?(?:[Uu]nannounced\s+)?[Ii]nspection\b`, 'g'),
  new RegExp(
    String.raw`\b(?:within|in|across|visited|visit)\s+${PLACE}(?=\s+(?:children's services|on|was|which|to|between)\b|[,.])`,
    'g',
  ),
  new RegExp(
    String.raw`\b${PLACE}\s+(?:was|were|has been|had been)\s+(?:first\s+|previously\s+|last\s+)?inspected\b`,
    'g',
  ),
  new RegExp(String.raw`\brated\s+${PLACE}\s+as\b`, 'g'),
];

/**
 * Words that start the organisational or descriptive part of a phrase and never a place's name, so that
 * "Corporate Director for Children and Young People's Services Durham County Council" comes down to the
 * council, and "Efficient and Effective Council" to nothing.
 */
const NOT_A_PLACE = new Set(
  (
    'a an the this that our your their its and of for in on to by dear copy mr mrs ms miss dr sir madam ' +
    'children childrens children’s child young people peoples people’s families family adult adults ' +
    'service services director directorate corporate executive chief head lead assistant deputy officer member ' +
    'members cabinet committee scrutiny panel board department education social care health local strategic ' +
    'safeguarding learning improvement customer focused efficient effective annual unannounced inspection ' +
    'inspections ofsted report outcomes background current position county borough city district metropolitan ' +
    'council councils authority civic centre hall house town parish joint area review partnership trust ' +
    'commissioning integrated specialist early intervention we it he she they there here all each overall ' +
    "government england majesty’s majesty's her his january february march april may june july august " +
    'september october november december'
  ).split(/\s+/),
);

/**
 * The local authority as the document names it in full. A council's own name ("… Council") is preferred,
 * the most often named one winning; failing that, the place the document is about, in its longest form.
 */
export function extractAuthority(layout: LetterLayout): Located<string | null> {
  // Rows, and the head's paragraphs read whole: a title wraps a name ("City of Bradford Metropolitan District" /
  // "Council").
  const rows = [...layout.rows.filter((row) => !row.blank), ...headRowsJoined(layout)];
  return (
    mostNamed(layout, rows, COUNCIL_NAMES, councilName) ??
    mostNamed(layout, rows, PLACE_CONTEXTS, trimToPlace) ?? { value: null }
  );
}

function mostNamed(
  layout: LetterLayout,
  rows: Row[],
  patterns: RegExp[],
  trim: (candidate: string) => string | null,
): Located<string> | null {
  const tally = new Map<string, { count: number; row: Row }>();
  for (const row of rows) {
    for (const pattern of patterns) {
      for (const match of row.text.matchAll(pattern)) {
        const name = trim(match[1] ?? match[0]);
        if (!name) continue;
        const entry = tally.get(name) ?? { count: 0, row };
        entry.count += 1;
        tally.set(name, entry);
      }
    }
  }
  foldShortFormsIntoLong(tally);
  const [best] = [...tally].sort(
    ([name, { count }], [otherName, { count: otherCount }]) =>
      otherCount - count || otherName.length - name.length,
  );
  return best ? { value: best[0], source: spanOf(layout.text, best[1].row, best[0]) } : null;
}

/**
 * Lines of the head joined where an authority's name wraps: the next line goes on with the name's
 * organisational part ("City of Bradford Metropolitan District" / "Council", "… in the London" / "Borough of
 * Haringey").
 */
function headRowsJoined(layout: LetterLayout): Row[] {
  const head = layout.rows.slice(0, HEAD_ROWS);
  return head.flatMap((row, index) => {
    const next = head[index + 1];
    if (row.blank || !next || next.blank || !NAME_GOES_ON.test(next.text)) return [];
    return [{ ...row, text: `${row.text} ${next.text}` }];
  });
}

const NAME_GOES_ON = /^(?:Council|Borough|County|City|District|Metropolitan)\b/;

/** A council's name, not a council of children ("Somerset Leaving Care Council", "Children in Care Council"). */
function councilName(candidate: string): string | null {
  const name = /^City of /.test(candidate)
    ? candidate.replace(/[.,]$/, '')
    : dropLeadingNonPlaceWords(candidate);
  return name && !CHILDRENS_COUNCIL.test(name) ? name : null;
}

/** "Stockton" and "Stockton-on-Tees" are one place: the short form's mentions count for the long one. */
function foldShortFormsIntoLong(tally: Map<string, { count: number; row: Row }>): void {
  for (const [short, entry] of [...tally]) {
    const longer = [...tally.keys()].find((name) => isFullerForm(name, short));
    if (!longer) continue;
    tally.get(longer)!.count += entry.count;
    tally.delete(short);
  }
}

/**
 * "Stockton-on-Tees" of "Stockton"; "City of Bradford Metropolitan District Council" of "Bradford Metropolitan
 * District Council"; "Sandwell Metropolitan Borough Council" of the running header's "Sandwell Council".
 */
function isFullerForm(name: string, short: string): boolean {
  if (name === short) return false;
  if (name.startsWith(short) && /^[\s-]/.test(name.slice(short.length))) return true;
  if (name.endsWith(` ${short}`) && /^(?:City|County|Borough) of /.test(name)) return true;
  const [place, ...rest] = short.split(' ');
  return rest.join(' ') === 'Council' && name.startsWith(`${place} `) && name.endsWith(' Council');
}

function trimToPlace(candidate: string): string | null {
  const name = dropLeadingNonPlaceWords(candidate.trim());
  if (!name || name.split(/\s+/).some(isNotAPlace)) return null;
  return name;
}

/** "Corporate Director for Children's Services Durham County Council" → "Durham County Council". */
function dropLeadingNonPlaceWords(candidate: string): string | null {
  const words = candidate.split(/\s+/);
  while (words.length && (isNotAPlace(words[0]) || !/^[A-Z]/.test(words[0]))) words.shift();
  return words.length ? words.join(' ').replace(/[.,]$/, '') : null;
}

function isNotAPlace(word: string): boolean {
  return NOT_A_PLACE.has(word.toLowerCase().replace(/[.,]$/, ''));
}
