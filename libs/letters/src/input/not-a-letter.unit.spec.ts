import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { LetterInputError, parseLetter } from '@actionledger/letters';

const NOT_LETTERS = path.resolve(__dirname, '../../../../test/fixtures/not-letters');
const PROJECT_README = path.resolve(__dirname, '../../../../README.md');

/** What `parseLetter` throws for the text, or null when it reads it as a letter. */
function refusal(text: string): LetterInputError | null {
  try {
    parseLetter(text);
    return null;
  } catch (error) {
    if (error instanceof LetterInputError) return error;
    throw error;
  }
}

describe('refusing what is not an inspection document', () => {
  const documents = readdirSync(NOT_LETTERS).sort();

  it('has ordinary council documents, READMEs, invoices, minutes and news items to try', () => {
    expect(documents.length).toBeGreaterThanOrEqual(8);
  });

  it.each(documents)('refuses %s as not_a_letter', (name) => {
    expect(refusal(readFileSync(path.join(NOT_LETTERS, name), 'utf8'))?.reason).toBe('not_a_letter');
  });

  it("refuses the project's own README", () => {
    expect(refusal(readFileSync(PROJECT_README, 'utf8'))?.reason).toBe('not_a_letter');
  });

  it('still reads a short letter that names its inspection and lists a finding', () => {
    const letter =
      'Ofsted inspection of Sometown Council\n\nAreas for development\n\n- Assessments are late.\n';
    expect(refusal(letter)).toBeNull();
  });
});
