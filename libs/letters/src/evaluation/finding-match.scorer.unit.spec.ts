import type { FindingCategory, ParsedFinding } from '../letter.types';
import { findingScore, normaliseFindingText, scoreFindings } from './finding-match.scorer';

const finding = (category: FindingCategory, text: string): ParsedFinding => ({
  category,
  timescale: 'none',
  text,
});

describe('normaliseFindingText', () => {
  it('collapses whitespace, drops case and trailing punctuation, unifies quotes and dashes', () => {
    expect(normaliseFindingText('  Children’s  plans\n are  CLEAR – mostly. ')).toBe(
      "children's plans are clear - mostly",
    );
  });
});

describe('scoreFindings', () => {
  it('scores a known partial match', () => {
    const gold = [
      finding('strength', 'Staff are supported.'),
      finding('strength', 'Plans are clear.'),
      finding('area_for_development', 'Records are late.'),
      finding('area_for_development', 'Audits are rare.'),
      finding('priority_action', 'Visits are missed.'),
    ];
    const predicted = [
      finding('strength', 'staff  are supported'), // matches: case, spacing, full stop
      finding('strength', 'Plans are clear.'), // matches
      finding('strength', 'Records are late.'), // right text, wrong category
      finding('area_for_development', 'Audits are rare.'), // matches
    ];
    const score = scoreFindings(predicted, gold);
    expect(score).toMatchObject({ matched: 3, predicted: 4, expected: 5, precision: 0.75, recall: 0.6 });
    expect(score.f1).toBeCloseTo((2 * 0.75 * 0.6) / (0.75 + 0.6), 10);
  });

  it('matches each gold finding at most once', () => {
    const gold = [finding('strength', 'A.'), finding('strength', 'B.')];
    const predicted = [finding('strength', 'A.'), finding('strength', 'A.'), finding('strength', 'A.')];
    expect(scoreFindings(predicted, gold)).toMatchObject({ matched: 1, precision: 1 / 3, recall: 0.5 });
  });

  it('counts duplicates in the gold as separate findings to find', () => {
    const twice = [finding('strength', 'A.'), finding('strength', 'A.')];
    expect(scoreFindings(twice, twice)).toMatchObject({ matched: 2, f1: 1 });
  });

  it('is perfect when nothing is expected and nothing predicted, and zero when only one side is empty', () => {
    expect(scoreFindings([], [])).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(scoreFindings([], [finding('strength', 'A.')])).toMatchObject({ precision: 0, recall: 0, f1: 0 });
    expect(scoreFindings([finding('strength', 'A.')], [])).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('findingScore', () => {
  it('computes precision, recall and F1 from counts', () => {
    expect(findingScore(8, 10, 16)).toEqual({
      matched: 8,
      predicted: 10,
      expected: 16,
      precision: 0.8,
      recall: 0.5,
      f1: (2 * 0.8 * 0.5) / 1.3,
    });
  });
});
