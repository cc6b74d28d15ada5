import { findPageFurniture } from './page-furniture';
import { readRows } from './text-rows';

const lines = (...parts: string[]) => parts.join('\n');
const furnitureIn = (text: string) => {
  const rows = readRows(text);
  const furniture = findPageFurniture(rows);
  return rows.filter((_, index) => furniture[index]).map((row) => row.text);
};

describe('findPageFurniture', () => {
  it('takes a running header printed once, in a page gap, that echoes the title', () => {
    const letter = lines(
      'Annual unannounced inspection of contact, referral and assessment arrangements within Sometown Council children’s services',
      '',
      'Strengths',
      '',
      '• Staff are committed.',
      '',
      '',
      '',
      'Page 1 of 3',
      '',
      '',
      '',
      'Annual unannounced inspection of contact, referral and assessment arrangements – Sometown Council',
      '',
      '• Interpreters are used where needed.',
    );
    expect(furnitureIn(letter)).toEqual([
      'Page 1 of 3',
      'Annual unannounced inspection of contact, referral and assessment arrangements – Sometown Council',
    ]);
  });

  it('leaves a line in a page gap that says something new, and an echo in running text', () => {
    const letter = lines(
      'Inspection of contact, referral and assessment arrangements in Sometown',
      '',
      '- Staff are committed.',
      '',
      '',
      '',
      'Next steps for the council',
      '',
      'Referral and assessment arrangements in Sometown',
      '- Plans are clear.',
    );
    expect(furnitureIn(letter)).toEqual([]);
  });
});
