import type { ParsedLetter } from '../letter.types';
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
  'previousInspection',
  'actionsTaken',
] as const satisfies ReadonlyArray<keyof ParsedLetter>;
export type ScoredField = (typeof SCORED_FIELDS)[number];

export interface LetterEvaluation {
  name: string;
  findings: FindingScore;
  /** Whether each field equals the gold's exactly. */
  fields: Record<ScoredField, boolean>;
  /** Why the letter could not be parsed, when it could not: then nothing is right. */
  error?: string;
}

export interface EvaluationSummary {
  letters: LetterEvaluation[];
  /** Micro-averaged over all letters: matches, predictions and gold findings summed first. */
  findings: FindingScore;
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
      fields: fieldsWhere(() => false),
      error: parsed.error,
    };
  }
  return {
    name,
    findings: scoreFindings(parsed.findings, gold.findings),
    fields: fieldsWhere((field) => canonicalJson(parsed[field]) === canonicalJson(gold[field])),
  };
}

export function summariseEvaluations(letters: LetterEvaluation[]): EvaluationSummary {
  const total = (key: 'matched' | 'predicted' | 'expected') =>
    letters.reduce((sum, letter) => sum + letter.findings[key], 0);
  return {
    letters,
    findings: findingScore(total('matched'), total('predicted'), total('expected')),
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
