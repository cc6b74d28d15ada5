import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LetterParsingPool } from '@actionledger/letters';
import { eventually } from '../../../libs/event-store/src/eventually';
import { buildLetterPdf } from '../../../libs/letters/src/testing/letter-pdf.builder';
import { EXTRA_LETTERS_FOLDER } from '../../../libs/letters/src/testing/letters-folders';
import { startTestApp, type TestApp } from './test-app';

const LETTER = readFileSync(join(EXTRA_LETTERS_FOLDER, 'gateshead-2010-03-cra-letter.txt'), 'utf8');

/** The letter with a long narrative inserted: a PDF of a couple of hundred pages, every word of it read. */
function largeLetter(paragraphs: number): string {
  const lines = LETTER.split('\n');
  const at = Math.floor(lines.length / 3);
  const narrative = Array.from(
    { length: paragraphs },
    (_, index) =>
      `Inspectors read the records of children in the service and spoke with social workers, managers and the partner agencies that refer children to the council (record ${index}).\n`,
  );
  return [...lines.slice(0, at), ...narrative, ...lines.slice(at)].join('\n');
}

describe('a large document is read off the event loop', () => {
  let t: TestApp;
  beforeEach(async () => (t = await startTestApp()));
  afterEach(() => t.close());

  it('answers /health while the PDF is still being read, then imports it', async () => {
    const pool = t.app.get(LetterParsingPool);
    const pdf = Buffer.from(await buildLetterPdf(largeLetter(1500)));
    // A first, small import starts the worker thread, so that the large one is read at once.
    await t.http.post('/api/letters').send({ text: LETTER }).expect(201);

    let imported = false;
    const importing = t.http
      .post('/api/letters')
      .attach('file', pdf, 'large.pdf')
      .then((response) => {
        imported = true;
        return response;
      });
    await eventually(() => expect(pool.inFlight).toBe(1), 20_000);

    // Answered while the document is being read: the parse has not ended, the import has not answered.
    const health = await t.http.get('/health');
    expect(health.status).toBe(200);
    expect(pool.inFlight).toBe(1);
    expect(imported).toBe(false);

    const response = await importing;
    expect(response.status).toBe(201);
    expect(response.body.proposal.authority).toBe('Gateshead Council');
    expect(pool.inFlight).toBe(0);
  }, 90_000);
});
