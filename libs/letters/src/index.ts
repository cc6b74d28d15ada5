export * from './letter.types';
export { LetterInputError, isLetterInputError, type LetterInputReason } from './input/letter-input.error';
export { MAX_LETTER_BYTES } from './input/letter-input.checks';
export { parseLetter, parseLetterWithSources } from './parsing/parse-letter';
export { extractLetterText } from './extraction/extract-letter-text';
export {
  normaliseFindingText,
  scoreFindings,
  findingScore,
  type FindingScore,
} from './evaluation/finding-match.scorer';
export {
  SCORED_FIELDS,
  evaluateLetter,
  summariseEvaluations,
  type EvaluationSummary,
  type LetterEvaluation,
  type ScoredField,
} from './evaluation/letter-evaluation';
export { formatEvaluationTable } from './evaluation/evaluation-table.formatter';
export { locateLettersFolder } from './evaluation/letters-folder.locator';
export {
  documentsWithGold,
  evaluateLettersFolder,
  readLettersWithGold,
  readPdfLettersWithGold,
  type DocumentFormat,
  type LetterWithGold,
} from './evaluation/letters-folder.evaluator';
export { readGold } from './evaluation/gold-letter.reader';
export { scoreActionLinks, type LinkScore } from './evaluation/action-link.scorer';
export { findingAnsweredBy, significantStems } from './linking/action-finding.linker';
export {
  LetterParsingPool,
  DEFAULT_PARSE_TIMEOUT_MS,
  defaultParseThreads,
  type LetterParsingPoolOptions,
} from './worker/letter-parsing.pool';
