import type { ParsedLetter } from '../letter.types';
import { scoreActionLinks, type LinkScore } from './action-link.scorer';
import { findingScore, scoreFindings, type FindingScore } from './finding-match.scorer';

/** Every field but the findings, each scored right or wrong as a whole. */
export const SCORED_FIELDS = [
  'documentType',
  'authority',
  'inspectionType',
  'letterDate',
  'inspectionDates',
  'inspector',
  'overallJudgement',
  'judgements',
  'planDeadline',
  'previousInspection',
  'actionsTaken',
] as const satisfies ReadonlyArray<keyof ParsedLetter>;
export type ScoredField = (typeof SCORED_FIELDS)[number];

export interface LetterEvaluation {
  name: string;
  findings: FindingScore;
  /** Of the gold's actions taken, how many the parse has, linked to the right finding. */
  links: LinkScore;
  /** Whether each field equals the gold's exactly. */
  fields: Record<ScoredField, boolean>;
  /** Why the letter could not be parsed, when it could not: then nothing is right. */
  error?: string;
}

export interface EvaluationSummary {
  letters: LetterEvaluation[];
  /** Micro-averaged over all letters: matches, predictions and gold findings summed first. */
  findings: FindingScore;
  /** Actions taken linked to the right finding, over all letters. */
  links: LinkScore;
  /** Share of letters (0–1) with each field right. */
  fieldAccuracy: Record<ScoredField, number>;
}

export function evaluateLetter(
  name: string,
  parsed: ParsedLetter | { error: string },
  gold: ParsedLetter,
): LetterEvaluation {
  if ('error' in parsed) {
    return {
      name,
      findings: scoreFindings([], gold.findings),
      links: { right: 0, total: gold.actionsTaken.length },
      fields: fieldsWhere(() => false),
      error: parsed.error,
    };
  }
  return {
    name,
    findings: scoreFindings(parsed.findings, gold.findings),
    links: scoreActionLinks(parsed, gold),
    fields: fieldsWhere((field) => canonicalJson(parsed[field]) === canonicalJson(gold[field])),
  };
}

export function summariseEvaluations(letters: LetterEvaluation[]): EvaluationSummary {
  const total = (key: 'matched' | 'predicted' | 'expected') =>
    letters.reduce((sum, letter) => sum + letter.findings[key], 0);
  return {
    letters,
    findings: findingScore(total('matched'), total('predicted'), total('expected')),
    links: {
      right: letters.reduce((sum, letter) => sum + letter.links.right, 0),
      total: letters.reduce((sum, letter) => sum + letter.links.total, 0),
    },
    fieldAccuracy: fieldsWhere((field) =>
      letters.length ? letters.filter((letter) => letter.fields[field]).length / letters.length : 0,
    ),
  };
}

function fieldsWhere<T>(value: (field: ScoredField) => T): Record<ScoredField, T> {
  return Object.fromEntries(SCORED_FIELDS.map((field) => [field, value(field)])) as Record<ScoredField, T>;
}

/** JSON with object keys sorted, so that key order does not count as a difference. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}
