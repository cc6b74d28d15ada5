import type { PlanRowStatus, RagRating, SheetCell } from '@actionledger/domain';
import { ragOfColour } from './rag-colour';

const STATUS_WORDS: ReadonlyArray<[RegExp, PlanRowStatus]> = [
  [/\bnot (yet )?(started|begun|complete)|\bnot due\b|\bplanned\b|^no$|\bto do\b|\bnot yet\b/, 'not_started'],
  [/\bverified\b|\bsigned off\b|\bsign off agreed\b/, 'verified'],
  [
    /\bwithdrawn\b|\bsuperseded\b|\bno longer (required|needed)\b|\bcancel+ed\b|\bdeleted\b|\bdropped\b/,
    'withdrawn',
  ],
  [/\bcomplete[d]?\b|\bdone\b|\bclosed\b|\bachieved\b|\bfinished\b|\bmet\b|^yes$|^y$|^true$/, 'complete'],
  [
    /\bprogress\b|\bongoing\b|\bon track\b|\bstarted\b|\bunderway\b|\bunder way\b|\bdelayed\b|\boverdue\b|\bslipp|\bat risk\b|\bbehind\b|\bopen\b/,
    'in_progress',
  ],
];

const RAG_WORDS: ReadonlyArray<[RegExp, RagRating]> = [
  [/^r$|\bred\b/, 'red'],
  [/^a$|\bamber\b|\byellow\b/, 'amber'],
  [/^g$|\bgreen\b/, 'green'],
  [/^b$|\bblue\b/, 'blue'],
];

export function statusOfText(text: string): PlanRowStatus | null {
  const lower = text.trim().toLowerCase();
  if (lower === '') return null;
  return STATUS_WORDS.find(([pattern]) => pattern.test(lower))?.[1] ?? null;
}

/** A RAG cell's rating: its word (R, Amber, "Green - on track"), or where it has none, its fill colour. */
export function ragOfCell(cell: SheetCell | null | undefined): {
  rag: RagRating | null;
  fromColour: boolean;
} {
  const lower = cell?.text.trim().toLowerCase() ?? '';
  const byWord = RAG_WORDS.find(([pattern]) => pattern.test(lower))?.[1];
  if (byWord) return { rag: byWord, fromColour: false };
  const byColour = cell?.colour ? ragOfColour(cell.colour) : null;
  return { rag: byColour, fromColour: byColour !== null };
}

/**
 * A row's status from its status cell, else its RAG: blue is the BRAG convention for done; red, amber and
 * green rate an action still open.
 */
export function rowStatus(
  statusCell: SheetCell | null | undefined,
  rag: RagRating | null,
): PlanRowStatus | null {
  const stated = statusOfText(statusCell?.text ?? '');
  if (stated) return stated;
  if (rag === 'blue') return 'complete';
  if (rag) return 'in_progress';
  return null;
}
