import { highlightedLetter } from './highlighted-letter';

const TEXT = 'Dear Sir\nPriority action: screen contacts.\nArea for development: supervision.\n';

describe('highlightedLetter', () => {
  it('marks each source span in the text and keeps every character, in order', () => {
    const first = TEXT.indexOf('screen contacts.');
    const second = TEXT.indexOf('supervision.');
    const parts = highlightedLetter(TEXT, [
      { id: 'source-finding-2', label: 'Finding 2', source: { start: second, end: second + 12, line: 3 } },
      { id: 'source-finding-1', label: 'Finding 1', source: { start: first, end: first + 16, line: 2 } },
      { id: 'source-none', label: 'Finding 3', source: null },
    ]);
    expect(parts.map((part) => part.text).join('')).toBe(TEXT);
    expect(parts.filter((part) => 'mark' in part)).toEqual([
      { text: 'screen contacts.', mark: { id: 'source-finding-1', label: 'Finding 1' } },
      { text: 'supervision.', mark: { id: 'source-finding-2', label: 'Finding 2' } },
    ]);
  });

  it('leaves an overlapping span unmarked and clips one that runs past the end', () => {
    const parts = highlightedLetter('abcdef', [
      { id: 'a', label: 'A', source: { start: 1, end: 4, line: 1 } },
      { id: 'b', label: 'B', source: { start: 3, end: 99, line: 1 } },
      { id: 'c', label: 'C', source: { start: 5, end: 99, line: 1 } },
    ]);
    expect(parts).toEqual([
      { text: 'a' },
      { text: 'bcd', mark: { id: 'a', label: 'A' } },
      { text: 'e' },
      { text: 'f', mark: { id: 'c', label: 'C' } },
    ]);
  });
});
