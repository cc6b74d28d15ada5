import { LetterInputError, parseLetter } from '@actionledger/letters';
import { MAX_FINDINGS } from './letter-input.checks';

const HEAD = 'Ofsted inspection of Sometown Council\n\nAreas for development\n\n';

/** A word for each number, so that no two findings read alike (page furniture is a repeated line). */
function wordFor(n: number): string {
  let word = '';
  for (let rest = n + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    word = String.fromCharCode(97 + ((rest - 1) % 26)) + word;
  }
  return word;
}

function reasonFor(text: string): string | null {
  try {
    parseLetter(text);
    return null;
  } catch (error) {
    return error instanceof LetterInputError ? error.reason : 'other';
  }
}

describe('the bound on what one document can propose', () => {
  it('refuses 80,000 bullets (9 MB) quickly as too_many_findings, before reading them', () => {
    const bullet =
      '- The quality of supervision is too variable across the teams of the service and needs work.\n';
    const flood = HEAD + bullet.repeat(80_000);
    expect(flood.length).toBeGreaterThan(7_000_000);
    const started = performance.now();
    expect(reasonFor(flood)).toBe('too_many_findings');
    // Generous for a shared machine: reading the whole text instead takes seconds.
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it(`refuses more than ${MAX_FINDINGS} findings written as paragraphs`, () => {
    const paragraphs = Array.from({ length: MAX_FINDINGS + 1 }, (_, n) => `Finding ${wordFor(n)} is late.`);
    expect(reasonFor(HEAD + paragraphs.join('\n\n'))).toBe('too_many_findings');
  });

  it(`reads ${MAX_FINDINGS} findings, the most allowed`, () => {
    const bullets = Array.from({ length: MAX_FINDINGS }, (_, n) => `- Finding ${wordFor(n)} is late.`);
    expect(parseLetter(HEAD + bullets.join('\n')).findings).toHaveLength(MAX_FINDINGS);
  });
});
