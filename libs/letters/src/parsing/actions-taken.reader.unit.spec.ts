import { classifyBlocks } from './findings.classifier';
import { layOutLetter } from './letter-layout';

const lines = (...parts: string[]) => parts.join('\n');
const actionsIn = (text: string) =>
  classifyBlocks(layOutLetter(text).blocks, '2011-09-28').actions.map(({ action }) => [
    action.area,
    action.text,
  ]);

describe('readActionsSection', () => {
  it('does not take the paragraph introducing the areas for an action', () => {
    const report = lines(
      '3. Progress Since the Inspection',
      '',
      '3.1 An action plan was agreed by the management team on receipt of the letter and is monitored monthly by the Assistant Director, who reports to the Children’s Services Management Team on each area in turn.',
      '',
      '3.2 Timeliness of initial assessments',
      '',
      '• Two social workers were recruited in November 2011.',
      '',
      '3.3 Recording of management oversight',
      '',
      '• Workshops were held in November 2011.',
      '',
      '4. Conclusion',
    );
    expect(actionsIn(report)).toEqual([
      ['Timeliness of initial assessments', 'Two social workers were recruited in November 2011.'],
      ['Recording of management oversight', 'Workshops were held in November 2011.'],
    ]);
  });

  it('does not take a lead-in to an undivided list of actions for one', () => {
    const report = lines(
      'Actions taken since the inspection',
      '',
      'The actions agreed with partners are set out below.',
      '',
      '• Two social workers were recruited in November 2011.',
      '• Workshops were held in November 2011.',
    );
    expect(actionsIn(report)).toEqual([
      ['', 'Two social workers were recruited in November 2011.'],
      ['', 'Workshops were held in November 2011.'],
    ]);
  });

  it('reads a table set out as text: areas as headings in capitals, each action dated as written', () => {
    const report = lines(
      '4. Action Taken',
      '',
      'The table below shows the action taken against each area for development.',
      '',
      'Area for development                        Action taken',
      '',
      'TIMELINESS OF INITIAL ASSESSMENTS IN THE NORTH AND WEST LOCALITIES OF THE COUNTY',
      '',
      '- Daily allocation meetings introduced – w/c 14 November 2011',
      '- Social workers seconded to the duty team from 05/12/2011',
      '- Recruitment to vacant posts – ongoing',
      '',
      'SUPERVISION',
      '',
      '- Training commissioned for March 2012',
      '',
      '5. Financial Considerations',
    );
    const read = classifyBlocks(layOutLetter(report).blocks, '2011-11-09').actions;
    const timeliness = 'TIMELINESS OF INITIAL ASSESSMENTS IN THE NORTH AND WEST LOCALITIES OF THE COUNTY';
    expect(read.map(({ action }) => [action.area, action.date])).toEqual([
      [timeliness, '2011-11-14'],
      [timeliness, '2011-12-05'],
      [timeliness, null],
      ['SUPERVISION', '2012-03'],
    ]);
  });
});
