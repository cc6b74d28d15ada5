import type { RagStatus } from '@actionledger/projections';

/** A committee paper as its renderers see it: numbered sections of paragraphs, lists and tables, in order. */
export type PaperBlock =
  | { kind: 'paragraph'; number?: string; text: string }
  | { kind: 'subheading'; number: string; text: string }
  /** "Action taken:", over a list. */
  | { kind: 'label'; text: string }
  | { kind: 'list'; items: string[] }
  /** `widths`: each column's share of the page width, in per cent. */
  | { kind: 'table'; caption: string; head: string[]; rows: string[][]; widths?: number[] }
  | { kind: 'rag'; status: RagStatus; text: string };

export interface PaperSection {
  number: string;
  heading: string;
  blocks: PaperBlock[];
}

export interface Paper {
  /** "Children's Services Scrutiny Committee" */
  committee: string;
  title: string;
  byline: string;
  /** Date lines under the title. */
  meta: string[];
  sections: PaperSection[];
  /** The audit head and the command that checks it. */
  foot: string[];
  /** For the document's properties. */
  subject: string;
}
