import { extractLetterText, parseLetter } from '@actionledger/letters';
import mammoth from 'mammoth';
import { describeWithFolder, seedLettersFolder } from '../../../letters/src/testing/letters-folders';
import { buildCommitteeReport } from '../model/build-committee-report';
import { actionTakenLine, areaHeading, committeePaper } from '../paper/committee-paper';
import { asReportEvents, namedAfterId } from '../testing/scripted-report-events';
import { readSeedCommitteeGold, seedCommitteePlan } from '../testing/seed-committee-plan';
import { renderCommitteeReportDocx } from './committee-report.docx';
import { renderCommitteeReportHtml } from './committee-report.html';
import { PdfRenderer } from './committee-report.pdf';

describeWithFolder(seedLettersFolder(), 'a committee paper read back by the letter parser', (folder) => {
  const gold = readSeedCommitteeGold(folder);
  const report = buildCommitteeReport({
    inspectionId: 'i-1',
    asOf: '2012-03-01',
    since: '2011-12-01',
    events: asReportEvents(seedCommitteePlan(gold).events),
    person: namedAfterId,
    auditHead: { digest: `ah1-42-${'a'.repeat(64)}`, position: 42n },
  })!;
  const paper = committeePaper(report, {
    committee: 'Children, Young People and Learning Scrutiny Committee',
  });
  const expectedAreas = gold.findings.filter((f) => f.category === 'area_for_development').map((f) => f.text);
  const expectedActions = report.findings.flatMap((finding) =>
    finding.actions.map((action) => ({
      area: areaHeading(finding),
      text: actionTakenLine(action),
      date: action.status === 'planned' ? null : (action.completedOn ?? action.dueDate),
    })),
  );

  function expectReadBack(text: string) {
    if (process.env.SHOW_PAPER_TEXT) console.log(text);
    const letter = parseLetter(text);
    expect(letter.documentType).toBe('committee_report');
    expect(letter.findings.filter((f) => f.category === 'area_for_development').map((f) => f.text)).toEqual(
      expectedAreas,
    );
    expect(letter.actionsTaken).toEqual(expectedActions);
  }

  it('has something to read back: every status, and dates of both kinds', () => {
    const statuses = new Set(report.findings.flatMap((f) => f.actions.map((a) => a.status)));
    expect([...statuses].sort()).toEqual(['assigned', 'completed', 'verified']);
    expect(expectedActions).toHaveLength(gold.actionsTaken.length);
  });

  it('gives back the areas for development and the actions taken with their dates, from the PDF', async () => {
    const renderer = await PdfRenderer.start();
    try {
      const pdf = await renderer.render(renderCommitteeReportHtml(paper), paper.subject);
      expectReadBack(await extractLetterText(pdf, 'paper.pdf', 'application/pdf'));
    } finally {
      await renderer.close();
    }
  }, 60_000);

  it('gives back the same from the Word document', async () => {
    const docx = await renderCommitteeReportDocx(paper);
    const { value: html } = await mammoth.convertToHtml({ buffer: docx });
    expectReadBack(wordText(html));
  }, 30_000);
});

/** Mammoth's HTML of the document as plain text: one line per paragraph, list items with their bullet. */
function wordText(html: string): string {
  return html
    .replace(/<li>/g, '\n• ')
    .replace(/<\/(p|h\d|li|tr|caption)>/g, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}
