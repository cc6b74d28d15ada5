import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildLetterPdf, buildPdfWithoutText } from '../../../libs/letters/src/testing/letter-pdf.builder';
import { describeWithFolder, seedLettersFolder } from '../../../libs/letters/src/testing/letters-folders';
import { startTestApp, type TestApp } from './test-app';
import { deterministicId } from '@actionledger/command-handling';

/** Empty where the shared seed letters are absent; the suites below then skip, saying why. */
const letters = seedLettersFolder() ?? '';
const seed = (name: string) => readFileSync(join(letters, `${name}.txt`), 'utf8');
const gold = (name: string) => JSON.parse(readFileSync(join(letters, `${name}.gold.json`), 'utf8'));

const DURHAM = 'durham-2011-03-cra-letter';
const SUNDERLAND = 'sunderland-2011-10-scrutiny-report';

describeWithFolder(letters || null, 'importing an inspection letter', () => {
  let t: TestApp;
  beforeEach(async () => (t = await startTestApp()));
  afterEach(() => t.close());

  /** The types of the events written since the test's users were set up. */
  const eventTypes = async () =>
    (await t.store.readAll())
      .filter((event) => !event.streamId.startsWith('user-') && !event.streamId.startsWith('organisation-'))
      .map((event) => event.type);

  it('proposes the inspection and its findings, each traced to its place in the text, and records nothing yet', async () => {
    const created = await t.http
      .post('/api/letters')
      .send({ text: seed(DURHAM), fileName: 'durham.txt' })
      .expect(201);
    const draft = await t.http.get(`/api/letters/${created.body.id}`).expect(200);
    const { position, ...returned } = created.body;
    expect(position).toEqual(expect.any(Number));
    expect(returned).toEqual(draft.body);

    const expected = gold(DURHAM);
    expect(draft.body.status).toBe('draft');
    expect(draft.body.proposal).toMatchObject({
      authority: expected.authority,
      inspectionDates: expected.inspectionDates,
      letterDate: expected.letterDate,
    });
    expect(draft.body.proposal.findings.map((f: { category: string }) => f.category)).toEqual(
      expected.findings.map((f: { category: string }) => f.category),
    );
    for (const finding of draft.body.proposal.findings) {
      expect(finding.source).toEqual({
        start: expect.any(Number),
        end: expect.any(Number),
        line: expect.any(Number),
      });
      const firstWords = finding.text.split(' ').slice(0, 3).join(' ');
      expect(finding.excerpt.replace(/\s+/g, ' ')).toContain(firstWords);
    }
    expect(await eventTypes()).toEqual(['LetterDraftCreated']);
  });

  it('takes the lead’s corrections, then records the inspection and findings in one go, once', async () => {
    const { body } = await t.http
      .post('/api/letters')
      .send({ text: seed(DURHAM) })
      .expect(201);
    const draft = (await t.http.get(`/api/letters/${body.id}`)).body;
    // A client sends back what it read, less the excerpts the server derives.
    const kept = draft.proposal.findings
      .slice(1)
      .map(({ excerpt: _excerpt, ...finding }: { excerpt: string }) => finding);
    await t.http
      .patch(`/api/letters/${body.id}`)
      .set('If-Match', `"${draft.version}"`)
      .send({ authority: 'Durham County Council (corrected)', findings: kept })
      .expect(200);

    const confirmed = await t.http.post(`/api/letters/${body.id}/confirm`).expect(200);
    expect(confirmed.body).toEqual({
      id: body.id,
      inspectionId: expect.any(String),
      findingIds: kept.map(() => expect.any(String)),
      actionIds: [],
      position: expect.any(Number),
    });
    const inspection = await t.http.get(`/api/inspections/${confirmed.body.inspectionId}`).expect(200);
    expect(inspection.body.authority).toBe('Durham County Council (corrected)');
    const finding = await t.http.get(`/api/findings/${confirmed.body.findingIds[0]}`).expect(200);
    expect(finding.body).toMatchObject({ inspectionId: confirmed.body.inspectionId, text: kept[0].text });

    const countAfterFirst = (await eventTypes()).length;
    const again = await t.http.post(`/api/letters/${body.id}/confirm`).expect(200);
    expect(again.body).toEqual(confirmed.body);
    expect((await eventTypes()).length).toBe(countAfterFirst);
    expect(await eventTypes()).toEqual([
      'LetterDraftCreated',
      'LetterDraftEdited',
      'LetterDraftConfirmed',
      'InspectionRecorded',
      ...kept.map(() => 'FindingRaised'),
      'InspectionIdentityClaimed',
    ]);

    const late = await t.http.patch(`/api/letters/${body.id}`).send({ authority: 'Too late' }).expect(409);
    expect(late.body.message).toMatch(/already been confirmed/);
  });

  it('records the actions a committee report says were taken, with their dates, on the findings they answer', async () => {
    const { body } = await t.http
      .post('/api/letters')
      .send({ text: seed(SUNDERLAND) })
      .expect(201);
    const draft = (await t.http.get(`/api/letters/${body.id}`)).body;
    expect(draft.proposal.actionsTaken.length).toBe(gold(SUNDERLAND).actionsTaken.length);
    const unlinked = draft.proposal.actionsTaken.filter(
      (a: { findingIndex: number | null }) => a.findingIndex === null,
    );
    if (unlinked.length > 0) {
      const firstAreaForDevelopment = draft.proposal.findings.findIndex(
        (f: { category: string }) => f.category === 'area_for_development',
      );
      const actionsTaken = draft.proposal.actionsTaken.map(
        ({ excerpt: _excerpt, ...a }: { excerpt: string; findingIndex: number | null }) => ({
          ...a,
          findingIndex: a.findingIndex ?? firstAreaForDevelopment,
        }),
      );
      await t.http.patch(`/api/letters/${body.id}`).send({ actionsTaken }).expect(200);
    }

    const confirmed = await t.http.post(`/api/letters/${body.id}/confirm`).expect(200);
    expect(confirmed.body.actionIds).toHaveLength(draft.proposal.actionsTaken.length);
    const dated = draft.proposal.actionsTaken.findIndex((a: { date: string | null }) => a.date !== null);
    const action = await t.http.get(`/api/actions/${confirmed.body.actionIds[dated]}`).expect(200);
    expect(action.body).toMatchObject({
      status: 'completed',
      recordedOn: draft.proposal.actionsTaken[dated].date,
      findingId: confirmed.body.findingIds[draft.proposal.actionsTaken[dated].findingIndex ?? 0],
    });
  });

  it('is all or nothing: when one stream cannot be written, nothing is', async () => {
    const { body } = await t.http
      .post('/api/letters')
      .send({ text: seed(DURHAM) })
      .expect(201);
    const version = (await t.http.get(`/api/letters/${body.id}`)).body.version;
    // Someone else has already written to the stream the second finding would go to.
    const takenFindingId = deterministicId('letter', body.id, String(version), 'finding', '1');
    await t.store.append(
      `finding-${takenFindingId}`,
      [
        {
          id: deterministicId('squatter'),
          type: 'FindingRaised',
          data: {},
          metadata: {
            actor: { userId: 'x', role: 'lead' },
            correlationId: 'c',
            causationId: 'c',
            occurredAt: 'now',
          },
        },
      ],
      'no_stream',
    );
    const before = await eventTypes();

    await t.http.post(`/api/letters/${body.id}/confirm`).set('If-Match', `"${version}"`).expect(409);
    expect(await eventTypes()).toEqual(before);
    expect((await t.http.get(`/api/letters/${body.id}`)).body.status).toBe('draft');
  });

  it('refuses to confirm a draft with gaps, naming them', async () => {
    const { body } = await t.http
      .post('/api/letters')
      .send({ text: seed(DURHAM) })
      .expect(201);
    await t.http.patch(`/api/letters/${body.id}`).send({ findings: [], inspectionDates: [] }).expect(200);
    const refused = await t.http.post(`/api/letters/${body.id}/confirm`).expect(409);
    expect(refused.body.message).toMatch(/the inspection dates are missing; there are no findings/);
  });

  it('accepts the letter as an uploaded text file or PDF', async () => {
    const text = await t.http
      .post('/api/letters')
      .attach('file', Buffer.from(seed(DURHAM)), { filename: 'durham.md', contentType: 'text/markdown' })
      .expect(201);
    expect((await t.http.get(`/api/letters/${text.body.id}`)).body).toMatchObject({ fileName: 'durham.md' });

    const pdf = Buffer.from(await buildLetterPdf(seed(DURHAM)));
    const fromPdf = await t.http
      .post('/api/letters')
      .attach('file', pdf, { filename: 'durham.pdf', contentType: 'application/pdf' })
      .expect(201);
    const draft = (await t.http.get(`/api/letters/${fromPdf.body.id}`)).body;
    expect(draft.proposal.authority).toBe(gold(DURHAM).authority);
    expect(draft.proposal.findings.length).toBe(gold(DURHAM).findings.length);
  });

  describe('bad input gets a clear 400 and appends nothing', () => {
    const cases: [string, () => Promise<{ file: Buffer; name: string }>, string, RegExp][] = [
      ['an empty file', async () => ({ file: Buffer.alloc(0), name: 'empty.txt' }), 'empty', /empty/i],
      [
        'a binary file',
        async () => ({ file: Buffer.from([0, 1, 2, 0, 255, 0]), name: 'x.txt' }),
        'binary',
        /binary/i,
      ],
      [
        'a file over 10 MB',
        async () => ({ file: Buffer.alloc(10 * 1024 * 1024 + 1, 'a'), name: 'big.txt' }),
        'too_large',
        /10 MB/,
      ],
      [
        'a PDF with no text layer',
        async () => ({ file: Buffer.from(await buildPdfWithoutText()), name: 'scan.pdf' }),
        'no_text_layer',
        /text/i,
      ],
      [
        'text that is not an inspection letter',
        async () => ({ file: Buffer.from('Shopping list:\n- eggs\n- milk\n'), name: 'list.txt' }),
        'not_a_letter',
        /inspection letter/i,
      ],
    ];

    it.each(cases)('%s', async (_, make, reason, message) => {
      const { file, name } = await make();
      const before = (await t.store.readAll()).length;
      const response = await t.http.post('/api/letters').attach('file', file, { filename: name }).expect(400);
      expect(response.body.reason).toBe(reason);
      expect(response.body.message).toMatch(message);
      expect((await t.store.readAll()).length).toBe(before);
    });

    it('a request with neither a file nor text', async () => {
      const response = await t.http.post('/api/letters').send({}).expect(400);
      expect(response.body.message).toMatch(/multipart field "file", or as JSON/);
    });
  });
});
