import { classifyBlocks } from './findings.classifier';
import { layOutLetter } from './letter-layout';

const lines = (...parts: string[]) => parts.join('\n');
const findingsIn = (text: string) =>
  classifyBlocks(layOutLetter(text).blocks, null).findings.map(({ finding }) => [
    finding.category,
    finding.text,
  ]);

describe('classifyBlocks', () => {
  it('reads a report’s numbered subsection title as a heading over the bullets under it', () => {
    const report = lines(
      '2. Outcome of the Inspection',
      '',
      '2.1 The findings are summarised below.',
      '',
      '2.2 Strength identified by inspectors',
      '',
      '▪ Staff are well supported.',
      '',
      '2.3 Areas for development identified by inspectors',
      '',
      '▪ Assessments are late.',
      '▪ Oversight is not recorded.',
      '',
      '2.4 The letter states that no areas for priority action were identified.',
    );
    expect(findingsIn(report)).toEqual([
      ['strength', 'Staff are well supported.'],
      ['area_for_development', 'Assessments are late.'],
      ['area_for_development', 'Oversight is not recorded.'],
    ]);
  });

  it('closes the list at a numbered subsection on something else', () => {
    const report = lines(
      '2.4 Areas for development',
      '▪ Assessments are late.',
      '',
      '3.2 Timeliness of initial assessments',
      '• Two social workers were recruited.',
    );
    expect(findingsIn(report)).toEqual([['area_for_development', 'Assessments are late.']]);
  });

  it('does not take a sentence opening "In particular," for a lead-in', () => {
    const letter = lines(
      'The council has addressed the areas for development identified at the last inspection. In particular, the backlog has been cleared.',
      '',
      'Managers now receive weekly reports.',
    );
    expect(findingsIn(letter)).toEqual([]);
  });

  it('still takes "…, in particular:" for one', () => {
    const letter = lines(
      'Practice met the requirements of statutory guidance, in particular:',
      '- Visits are timely.',
    );
    expect(findingsIn(letter)).toEqual([['meets_requirements', 'Visits are timely.']]);
  });

  it('does not take a paragraph summarising the outcome for a finding, even inside a list', () => {
    const letter = lines(
      'Strengths',
      '',
      '- Managers are visible.',
      '',
      'The inspection identified areas of strength, a number of areas where practice meets requirements and two areas for development. No areas for priority action were identified.',
      '',
      'Areas for development',
      '- Plans are vague.',
    );
    expect(findingsIn(letter)).toEqual([
      ['strength', 'Managers are visible.'],
      ['area_for_development', 'Plans are vague.'],
    ]);
  });

  it('keeps a list item that names a second category in passing', () => {
    const letter = lines(
      'Areas for development',
      '- ICS is slow. This was an area highlighted for development in the previous inspection recommendations.',
    );
    expect(findingsIn(letter)).toHaveLength(1);
  });

  it('does not take a paragraph pointing back at the list for one more finding', () => {
    const report = lines(
      'AREAS FOR DEVELOPMENT',
      '',
      '- Supervision records do not show the reasons for decisions.',
      '',
      'These findings are consistent with our own audits, and the areas for development were already in the service plan.',
    );
    expect(findingsIn(report)).toEqual([
      ['area_for_development', 'Supervision records do not show the reasons for decisions.'],
    ]);
  });

  it('takes the timescale from a lead-in that names one but no category', () => {
    const letter = lines(
      'Areas for priority action',
      '',
      'The council should take the following action within three months:',
      '',
      '- Ensure that contacts are screened promptly.',
    );
    const { findings } = classifyBlocks(layOutLetter(letter).blocks, null);
    expect(findings.map(({ finding }) => finding)).toEqual([
      {
        category: 'priority_action',
        timescale: 'within_3_months',
        text: 'Ensure that contacts are screened promptly.',
      },
    ]);
  });
});
