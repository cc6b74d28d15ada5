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
});
