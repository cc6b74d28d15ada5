import fc from 'fast-check';
import { LetterInputError, parseLetterWithSources } from '@actionledger/letters';
import { readLettersWithGold } from '../evaluation/letters-folder.evaluator';
import { EXTRA_LETTERS_FOLDER, seedLetters } from '../testing/letters-folders';
import { shapeProblems } from '../testing/parsed-letter.shape';

/** parseLetter either returns a well-formed letter, with sources inside the text, or a LetterInputError. */
function parsesOrRejects(text: string): void {
  let result;
  try {
    result = parseLetterWithSources(text);
  } catch (error) {
    expect(error).toBeInstanceOf(LetterInputError);
    // 'unparseable' is the parser reporting its own bug.
    expect((error as LetterInputError).reason).not.toBe('unparseable');
    return;
  }
  expect(shapeProblems(result.letter)).toEqual([]);
  const spans = [
    ...Object.values(result.sources.fields),
    ...result.sources.findings,
    ...result.sources.actionsTaken,
  ];
  for (const span of spans) {
    expect(span.start >= 0 && span.start <= span.end && span.end <= text.length && span.line >= 1).toBe(true);
  }
}

const seeds = [...seedLetters(), ...readLettersWithGold(EXTRA_LETTERS_FOLDER)].map((letter) => letter.text);

/** Pieces of the genre, so random texts hit the parser's headings, lists, dates and mark-up. */
const fragments = fc.constantFrom(
  'Strengths',
  'Areas for development',
  'Areas for priority action',
  'Recommendations',
  'The service meets the requirements of statutory guidance in the following areas:',
  'Here is a summary of the things that were good:',
  'that needed improving:',
  'Immediately:',
  'Within three months',
  '- ',
  '• ',
  '▪ ',
  '\uf0b7 ',
  '? ',
  'o ',
  '1. ',
  '5.2 ',
  '## ',
  '<ul style="list-style-type: none">',
  '<li>',
  '<u>',
  '</u>',
  '<sup>th</sup>',
  '&amp;',
  '**',
  '7 – 16 January 2013',
  '30 November and 1 December 2010',
  '31 February 2011',
  '9th January',
  'Dec 2011',
  'Page 2 of 3',
  'Yours sincerely',
  'Her Majesty’s Inspector',
  'Durham County Council',
  'How we are addressing the areas for development',
  'Action taken:',
  'previous inspection in March 2010 have been addressed.',
  'Overall we rated Sometown as adequate.',
  'and result in',
  'effective services.',
  ' ',
  '\n',
  '\n\n\n',
  '\t',
  '\r\n',
);
const genreText = fc
  .array(fc.oneof(fragments, fc.string({ maxLength: 12 })), { maxLength: 60 })
  .map((parts) => parts.join(''));

type Mangle = (text: string) => string;
const mangle: fc.Arbitrary<Mangle> = fc.oneof(
  fc.tuple(fc.nat(), fc.nat({ max: 400 })).map(([at, length]): Mangle => (text) => {
    const start = at % (text.length + 1);
    return text.slice(0, start) + text.slice(start + length);
  }),
  fc
    .tuple(fc.nat(), fc.oneof(fragments, fc.string({ unit: 'binary', maxLength: 20 })))
    .map(([at, inserted]): Mangle => (text) => {
      const position = at % (text.length + 1);
      return text.slice(0, position) + inserted + text.slice(position);
    }),
  fc.tuple(fc.nat(), fc.nat()).map(([first, second]): Mangle => (text) => {
    const lines = text.split('\n');
    const [a, b] = [first % lines.length, second % lines.length];
    [lines[a], lines[b]] = [lines[b], lines[a]];
    return lines.join('\n');
  }),
  fc.nat().map(
    (at): Mangle =>
      (text) =>
        text.slice(0, at % (text.length + 1)),
  ),
);

describe('parseLetter never fails except with a LetterInputError', () => {
  it('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), parsesOrRejects), { numRuns: 1000 });
  });

  it('on random texts made of the genre’s pieces', () => {
    fc.assert(fc.property(genreText, parsesOrRejects), { numRuns: 1000 });
  });

  it('on seed letters with random deletions, insertions, line swaps and truncations', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...seeds),
        fc.array(mangle, { minLength: 1, maxLength: 8 }),
        (seed, mangles) => parsesOrRejects(mangles.reduce((text, apply) => apply(text), seed)),
      ),
      { numRuns: 500 },
    );
  });
});
