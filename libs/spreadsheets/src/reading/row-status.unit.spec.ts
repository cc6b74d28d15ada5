import { ragOfColour } from './rag-colour';
import { ragOfCell, rowStatus, statusOfText } from './row-status';

describe('reading a row’s status and RAG rating', () => {
  it.each([
    ['Complete', 'complete'],
    ['Completed – awaiting evidence', 'complete'],
    ['Not complete', 'not_started'],
    ['Not yet started', 'not_started'],
    ['In progress', 'in_progress'],
    ['Ongoing', 'in_progress'],
    ['Delayed', 'in_progress'],
    ['Signed off', 'verified'],
    ['Superseded by action 4.2', 'withdrawn'],
  ])('reads the status "%s" as %s', (text, status) => {
    expect(statusOfText(text)).toBe(status);
  });

  it.each([
    ['FF0000', 'red'],
    ['C00000', 'red'],
    ['FFC000', 'amber'],
    ['FFFF00', 'amber'],
    ['00B050', 'green'],
    ['92D050', 'green'],
    ['0070C0', 'blue'],
    ['00B0F0', 'blue'],
    ['FFFFFF', null],
    ['D9D9D9', null],
    ['000000', null],
  ])('reads the fill %s as %s', (hex, rag) => {
    expect(ragOfColour(hex)).toBe(rag);
  });

  it('takes the RAG word before the colour, and the colour alone where there is no word', () => {
    expect(ragOfCell({ text: 'Amber', colour: '00B050' })).toEqual({ rag: 'amber', fromColour: false });
    expect(ragOfCell({ text: '', colour: '00B050' })).toEqual({ rag: 'green', fromColour: true });
    expect(ragOfCell(null)).toEqual({ rag: null, fromColour: false });
  });

  it('reads blue as done where the status says nothing, and the status first where it does', () => {
    expect(rowStatus(null, 'blue')).toBe('complete');
    expect(rowStatus(null, 'green')).toBe('in_progress');
    expect(rowStatus({ text: 'Not started' }, 'blue')).toBe('not_started');
    expect(rowStatus(null, null)).toBeNull();
  });
});
