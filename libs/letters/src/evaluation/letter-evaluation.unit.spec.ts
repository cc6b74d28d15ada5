import type { ParsedLetter } from '../letter.types';
import { formatEvaluationTable } from './evaluation-table.formatter';
import { evaluateLetter, summariseEvaluations } from './letter-evaluation';

const gold: ParsedLetter = {
  documentType: 'inspection_letter',
  authority: 'Sometown Council',
  inspectionType: 'contact_referral_assessment',
  letterDate: '2011-03-09',
  inspectionDates: ['2011-02-08', '2011-02-09'],
  inspector: 'Jane Smith',
  overallJudgement: null,
  judgements: [],
  planDeadline: null,
  previousInspection: { date: '2010-03', areasAddressed: true },
  findings: [
    { category: 'strength', timescale: 'none', text: 'A.' },
    { category: 'area_for_development', timescale: 'none', text: 'B.' },
  ],
  actionsTaken: [],
};

describe('evaluateLetter', () => {
  it('scores the findings and says which fields are right', () => {
    const parsed: ParsedLetter = {
      ...gold,
      authority: 'Sometown',
      inspectionDates: ['2011-02-08'],
      previousInspection: { areasAddressed: true, date: '2010-03' }, // key order does not matter
      findings: [gold.findings[0]],
    };
    const evaluation = evaluateLetter('sometown', parsed, gold);
    expect(evaluation.findings).toMatchObject({
      matched: 1,
      predicted: 1,
      expected: 2,
      precision: 1,
      recall: 0.5,
    });
    expect(evaluation.fields).toEqual({
      documentType: true,
      authority: false,
      inspectionType: true,
      letterDate: true,
      inspectionDates: false,
      inspector: true,
      overallJudgement: true,
      judgements: true,
      planDeadline: true,
      previousInspection: true,
      actionsTaken: true,
    });
  });

  it('counts a letter that failed to parse as nothing found and every field wrong', () => {
    const evaluation = evaluateLetter('broken', { error: 'not a letter' }, gold);
    expect(evaluation.findings).toMatchObject({ matched: 0, predicted: 0, expected: 2, f1: 0 });
    expect(Object.values(evaluation.fields).every((right) => !right)).toBe(true);
    expect(evaluation.error).toBe('not a letter');
  });
});

describe('summariseEvaluations', () => {
  it('micro-averages the findings and gives each field’s share of letters right', () => {
    const perfect = evaluateLetter('a', gold, gold);
    const half = evaluateLetter('b', { ...gold, inspector: null, findings: [gold.findings[0]] }, gold);
    const summary = summariseEvaluations([perfect, half]);
    expect(summary.findings).toMatchObject({
      matched: 3,
      predicted: 3,
      expected: 4,
      precision: 1,
      recall: 0.75,
    });
    expect(summary.fieldAccuracy.inspector).toBe(0.5);
    expect(summary.fieldAccuracy.authority).toBe(1);
  });

  it('formats a table with a row per letter, the overall scores and the field accuracies', () => {
    const summary = summariseEvaluations([
      evaluateLetter('sometown-letter', gold, gold),
      evaluateLetter('othertown-letter', { ...gold, inspector: null, findings: [gold.findings[0]] }, gold),
    ]);
    const table = formatEvaluationTable(summary);
    expect(table).toMatch(/sometown-letter\s+2\s+2\s+2\s+1\.000\s+1\.000\s+1\.000\s+11\/11/);
    expect(table).toMatch(/othertown-letter\s+1\s+2\s+1\s+1\.000\s+0\.500\s+0\.667\s+10\/11\s+inspector/);
    expect(table).toMatch(/OVERALL \(micro\)\s+3\s+4\s+3\s+1\.000\s+0\.750\s+0\.857/);
    expect(table).toMatch(/inspector\s+50\.0%\s+1\/2/);
  });
});
