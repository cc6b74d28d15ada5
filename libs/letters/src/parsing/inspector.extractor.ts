import type { LetterLayout } from './letter-layout';
import { spanOf, type Located } from './source-span';

const SIGN_OFF = /^(?:yours (?:sincerely|faithfully)|kind regards|best wishes)\b/i;
const INSPECTOR_LABEL =
  /^(?:(?:lead |reporting )?inspector\s*:\s*|(?:lead|reporting) inspector\s+(?=\p{Lu}))/iu;
/** A joint letter is signed by each inspectorate: its name stands above or below the inspector's. */
const ORGANISATION =
  /\b(?:commission|inspectorate|constabulary|probation|ofsted|council|service|services|board|trust|police)\b/i;
/** Where a name stops and the signatory's title begins. */
const TITLE =
  /\s*(?:,|\b(?:Her|His) Majesty['’]s\b|\bHMI\b|\b(?:Lead |Senior |Social Care |Regulatory |Ofsted )*Inspector\b)/;
const HONORIFIC = /^(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+/;
const PERSON_NAME = /^[A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+){1,3}$/u;
/** How many lines under the sign-off the signature may be (a signature image leaves blank lines). */
const SIGNATURE_ROWS = 6;

/** The signing inspector (the name under "Yours sincerely"), or the lead inspector a report names. */
export function extractInspector(layout: LetterLayout): Located<string | null> {
  const rows = layout.rows.filter((row) => !row.blank);
  for (const row of rows) {
    if (!INSPECTOR_LABEL.test(row.text)) continue;
    const name = personName(row.text.replace(INSPECTOR_LABEL, ''));
    if (name) return { value: name, source: spanOf(layout.text, row, name) };
  }
  const signOff = rows.findIndex((row) => SIGN_OFF.test(row.text));
  if (signOff < 0) return { value: null };
  for (const row of rows.slice(signOff + 1, signOff + 1 + SIGNATURE_ROWS)) {
    const name = personName(row.text);
    if (name) return { value: name, source: spanOf(layout.text, row, name) };
  }
  return { value: null };
}

function personName(text: string): string | null {
  const beforeTitle = text.split(TITLE)[0].replace(HONORIFIC, '').trim();
  return PERSON_NAME.test(beforeTitle) && !ORGANISATION.test(beforeTitle) ? beforeTitle : null;
}
