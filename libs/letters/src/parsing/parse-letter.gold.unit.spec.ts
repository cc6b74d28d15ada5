import { parseLetter } from '@actionledger/letters';
import { readLettersWithGold } from '../evaluation/letters-folder.evaluator';
import { describeWithFolder, EXTRA_LETTERS_FOLDER, seedLettersFolder } from '../testing/letters-folders';

describeWithFolder(seedLettersFolder(), 'parseLetter on the seed letters', (folder) => {
  const seeds = readLettersWithGold(folder);

  it('finds the five seed letters', () => {
    expect(seeds).toHaveLength(5);
  });

  it.each(seeds.map((letter) => [letter.name, letter] as const))(
    'seed %s parses to its gold',
    (_name, letter) => {
      expect(parseLetter(letter.text)).toEqual(letter.gold);
    },
  );

  it('gives exactly the gold keys, in the gold order', () => {
    for (const { text, gold } of seeds) expect(Object.keys(parseLetter(text))).toEqual(Object.keys(gold));
  });

  it('parses Windows line endings the same', () => {
    for (const { text, gold } of seeds) expect(parseLetter(text.replace(/\n/g, '\r\n'))).toEqual(gold);
  });
});

describe('parseLetter on the extra letters with hand-made gold', () => {
  const extras = readLettersWithGold(EXTRA_LETTERS_FOLDER);

  it('finds the extra fixtures', () => {
    expect(extras.length).toBeGreaterThanOrEqual(3);
  });

  it.each(extras.map((letter) => [letter.name, letter] as const))(
    'extra %s parses to its gold',
    (_name, letter) => {
      expect(parseLetter(letter.text)).toEqual(letter.gold);
    },
  );

  it('gives exactly the gold keys, in the gold order', () => {
    for (const { text, gold } of extras) expect(Object.keys(parseLetter(text))).toEqual(Object.keys(gold));
  });
});
