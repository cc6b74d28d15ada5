import * as path from 'node:path';
import type { EvaluationSummary } from './letter-evaluation';
import { evaluateLettersFolder } from './letters-folder.evaluator';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures');

/**
 * Letters written by people who had not seen the parser, to measure how it does on letters of the genre it was
 * not built from. The aim is finding F1 ≥ 0.95 on such letters; falling below it is a regression.
 */
describe.each(['letters-blind', 'letters-blind-2', 'letters-blind-3'])(
  'the parser on the blind set %s',
  (folder) => {
    let summary: EvaluationSummary;
    beforeAll(async () => {
      summary = await evaluateLettersFolder(path.join(FIXTURES, folder));
    });

    it('has letters to score', () => {
      expect(summary.letters.length).toBeGreaterThanOrEqual(4);
    });

    it('finds their findings with F1 ≥ 0.95', () => {
      expect(summary.findings.f1).toBeGreaterThanOrEqual(0.95);
    });

    it('reads the authority, dates and inspection type of every letter', () => {
      for (const field of ['authority', 'inspectionType', 'inspectionDates', 'documentType'] as const) {
        expect(summary.fieldAccuracy[field]).toBe(1);
      }
    });
  },
);
