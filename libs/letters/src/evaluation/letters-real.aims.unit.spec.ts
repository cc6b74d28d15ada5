import { evaluateLettersFolder, type DocumentFormat } from './letters-folder.evaluator';
import { SCORED_FIELDS, type EvaluationSummary } from './letter-evaluation';
import { describeWithFolder, realLettersFolder, seedLettersFolder } from '../testing/letters-folders';

/** The aims over the real documents: findings F1 ≥ 0.95 and every other field ≥ 95 %. */
const F1_AIM = 0.95;
const FIELD_AIM = 0.95;

describeWithFolder(realLettersFolder(), 'the parser’s aims over the real documents', (folder) => {
  describe.each<DocumentFormat>(['txt', 'pdf'])('read from .%s', (format) => {
    let summary: EvaluationSummary;
    beforeAll(async () => {
      summary = await evaluateLettersFolder(folder, format);
    }, 60_000); // nineteen PDFs read through pdfjs: seconds on a busy machine

    it(`finds the findings with F1 ≥ ${F1_AIM}`, () => {
      expect(summary.findings.f1).toBeGreaterThanOrEqual(F1_AIM);
    });

    it.each(SCORED_FIELDS)(`reads %s right in ≥ ${FIELD_AIM * 100} % of the documents`, (field) => {
      expect(summary.fieldAccuracy[field]).toBeGreaterThanOrEqual(FIELD_AIM);
    });
  });
});

describeWithFolder(seedLettersFolder(), 'the parser on the seed letters', (folder) => {
  it('reads every finding and every field of every seed letter, and links every action right', async () => {
    const summary = await evaluateLettersFolder(folder);
    expect(summary.findings.f1).toBe(1);
    for (const field of SCORED_FIELDS) expect(summary.fieldAccuracy[field]).toBe(1);
    expect(summary.links.right).toBe(summary.links.total);
  });
});
