import { parseLetter, parseLetterWithSources, type SourceSpan } from '@actionledger/letters';
import { readLettersWithGold } from '../evaluation/letters-folder.evaluator';
import { EXTRA_LETTERS_FOLDER, seedLetters } from '../testing/letters-folders';

const letters = [...seedLetters(), ...readLettersWithGold(EXTRA_LETTERS_FOLDER)];

/** The source text as a reader would see it: tags and bullet marks out, whitespace collapsed. */
const readable = (text: string) =>
  text
    .replace(/<[^<>]*>/g, '')
    .replace(/[▪•\uf0b7]/g, ' ')
    .replace(/\s+/g, ' ');

const lineOf = (text: string, span: SourceSpan) => text.slice(0, span.start).split(/\r\n|\r|\n/).length;

describe('parseLetterWithSources', () => {
  it.each(letters.map((letter) => [letter.name, letter] as const))(
    '%s: gives the same letter as parseLetter, and nothing more in it',
    (_name, { text }) => {
      const { letter } = parseLetterWithSources(text);
      expect(letter).toEqual(parseLetter(text));
      expect(JSON.stringify(letter)).not.toMatch(/"(?:start|end|line|source|sources)"/);
    },
  );

  it.each(letters.map((letter) => [letter.name, letter] as const))(
    '%s: points each finding and action at the text it came from',
    (_name, { text }) => {
      const { letter, sources } = parseLetterWithSources(text);
      expect(sources.findings).toHaveLength(letter.findings.length);
      expect(sources.actionsTaken).toHaveLength(letter.actionsTaken.length);
      letter.findings.forEach((finding, index) => {
        const span = sources.findings[index];
        expect(readable(text.slice(span.start, span.end))).toContain(finding.text.slice(0, 40));
        expect(span.line).toBe(lineOf(text, span));
      });
      letter.actionsTaken.forEach((action, index) => {
        const span = sources.actionsTaken[index];
        expect(readable(text.slice(span.start, span.end))).toContain(action.text.slice(0, 30));
      });
    },
  );

  const hartlepool = letters.find((letter) => letter.name.startsWith('hartlepool'));
  if (!hartlepool) console.log('Skipping the Hartlepool source spans: the seed letters are absent.');
  (hartlepool ? it : it.skip)('points the fields at where they were read', () => {
    const { text } = hartlepool!;
    const { fields } = parseLetterWithSources(text).sources;
    const at = (span: SourceSpan | undefined) => (span ? text.slice(span.start, span.end) : undefined);
    expect(at(fields.authority)).toBe('Hartlepool Borough Council');
    expect(at(fields.letterDate)).toBe('16 March 2011');
    expect(at(fields.inspectionDates)).toBe('15 and 16 February 2011');
    expect(at(fields.inspector)).toBe('Sheena Doyle');
    expect(at(fields.previousInspection)).toContain('previous inspection');
    expect(at(fields.documentType)).toBe('Dear Ms Bailey');
    expect(fields.inspectionDates?.line).toBe(lineOf(text, fields.inspectionDates!));
    expect(fields.overallJudgement).toBeUndefined();
  });
});
