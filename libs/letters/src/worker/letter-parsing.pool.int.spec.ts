import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { threadId } from 'node:worker_threads';
import { LetterInputError } from '../input/letter-input.error';
import { parseLetterWithSources } from '../parsing/parse-letter';
import { buildLetterPdf } from '../testing/letter-pdf.builder';
import { EXTRA_LETTERS_FOLDER } from '../testing/letters-folders';
import { LetterParsingPool } from './letter-parsing.pool';

const LETTER = readFileSync(join(EXTRA_LETTERS_FOLDER, 'gateshead-2010-03-cra-letter.txt'), 'utf8');
const INVOICE = readFileSync(join(EXTRA_LETTERS_FOLDER, '../not-letters/catering-invoice.txt'));

describe('LetterParsingPool (from source: the worker loads the .ts task through sucrase)', () => {
  let pool: LetterParsingPool;
  beforeEach(() => (pool = new LetterParsingPool({ threads: 1 })));
  afterEach(() => pool.close());

  it('parses an upload on another thread, to what the parser gives in this one', async () => {
    const result = await pool.parse({ bytes: Buffer.from(LETTER), fileName: 'gateshead.txt' });
    expect(result.threadId).not.toBe(threadId);
    expect(result.text).toBe(LETTER);
    expect(result.parsed).toEqual(parseLetterWithSources(LETTER));
  }, 30_000);

  it('reads a PDF there too', async () => {
    const pdf = await buildLetterPdf(LETTER);
    const result = await pool.parse({ bytes: pdf, fileName: 'gateshead.pdf', mediaType: 'application/pdf' });
    expect(result.parsed.letter.authority).toBe(parseLetterWithSources(LETTER).letter.authority);
    expect(result.parsed.letter.findings.length).toBeGreaterThan(0);
  }, 30_000);

  it('throws the thread’s refusal here as a LetterInputError with its reason', async () => {
    const refusal = await pool.parse({ bytes: INVOICE, fileName: 'invoice.txt' }).catch((error) => error);
    expect(refusal).toBeInstanceOf(LetterInputError);
    expect(refusal).toMatchObject({ reason: 'not_a_letter' });
  }, 30_000);

  it('keeps every upload apart when several are parsed at once', async () => {
    const results = await Promise.all(
      [LETTER, 'not a letter', LETTER].map((text, index) =>
        pool.parse({ bytes: Buffer.from(text), fileName: `upload-${index}.txt` }).catch((error) => error),
      ),
    );
    expect(results[0].text).toBe(LETTER);
    expect(results[1]).toBeInstanceOf(LetterInputError);
    expect(results[2].text).toBe(LETTER);
    expect(pool.inFlight).toBe(0);
  }, 30_000);
});

/** The compiled pool, as `npm start` runs it: its worker loads the `.js` task beside it, with no TypeScript hook. */
const DIST_POOL = resolve(__dirname, '../../../../dist/libs/letters/src/worker/letter-parsing.pool.js');
const describeWithDist = existsSync(DIST_POOL) ? describe : describe.skip;
if (!existsSync(DIST_POOL))
  console.log(`Skipping the compiled pool's test: ${DIST_POOL} is absent (npm run build).`);

describeWithDist('LetterParsingPool (from dist: the worker loads the compiled task)', () => {
  it('parses an upload on another thread', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const compiled = require(DIST_POOL) as { LetterParsingPool: typeof LetterParsingPool };
    const pool = new compiled.LetterParsingPool({ threads: 1 });
    try {
      const result = await pool.parse({ bytes: Buffer.from(LETTER), fileName: 'gateshead.txt' });
      expect(result.threadId).not.toBe(threadId);
      expect(result.parsed).toEqual(parseLetterWithSources(LETTER));
    } finally {
      await pool.close();
    }
  }, 30_000);
});
