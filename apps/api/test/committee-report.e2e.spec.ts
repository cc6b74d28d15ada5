import { parse } from 'csv-parse/sync';
import mammoth from 'mammoth';
import type { Response } from 'supertest';
import { givenPlannedAction, startTestApp, type TestApp } from './test-app';

/** Supertest keeps a binary body as a Buffer only when asked to. */
const binary = (response: Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('GET /api/inspections/:id/report, the committee paper', () => {
  let t: TestApp;
  let inspectionId: string;
  beforeAll(async () => {
    t = await startTestApp();
    const planned = await givenPlannedAction(t.http);
    inspectionId = planned.inspectionId;
    const action = `/api/actions/${planned.actionId}`;
    await t.http
      .post(`${action}/assign`)
      .send({ ownerId: t.users.owner.userId, dueDate: '2026-11-20' })
      .expect(200);
    t.clock.set('2026-11-05T10:00:00Z');
    await t.http
      .post(`${action}/reschedule`)
      .send({ dueDate: '2026-12-04', reason: 'Audit team short-staffed' })
      .expect(200);
    t.clock.set('2026-11-12T10:00:00Z');
    await t.http
      .post(`${action}/reschedule`)
      .send({ dueDate: '2026-12-18', reason: 'October sample widened' })
      .expect(200);
    t.clock.set('2026-11-16T09:00:00Z');
    await t.users.owner.http
      .post(`${action}/evidence`)
      .attach('files', Buffer.from('contact,screened\n1,2026-11-03\n'), 'contacts-register.csv')
      .expect(201);
    t.clock.set('2026-11-16T10:00:00Z');
    await t.users.owner.http
      .post(`${action}/complete`)
      .send({ summary: 'Audit done', evidence: ['Audit report v2'] })
      .expect(200);
    t.clock.set('2026-11-30T10:00:00Z');
  }, 60_000);
  afterAll(() => t.close());

  it('is the printable HTML page, for the board, with the owner by name, both moves and reasons, and the audit head', async () => {
    const response = await t.users.board.http
      .get(`/api/inspections/${inspectionId}/report?since=2026-11-01`)
      .expect(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const head = response.headers['x-audit-head'];
    expect(head).toMatch(/^ah1-\d+-[0-9a-f]{64}$/);
    const html = response.text;
    expect(html).toContain('Test owner');
    expect(html).toContain(
      '5 November 2026: 20 November 2026 to 4 December 2026 – “Audit team short-staffed”',
    );
    expect(html).toContain(
      '12 November 2026: 4 December 2026 to 18 December 2026 – “October sample widened”',
    );
    expect(html).toContain('Audit report v2');
    // The file the owner attached, with its size, who attached it and when, and the hash that names it.
    expect(html).toMatch(
      /contacts-register\.csv \(30 bytes\), attached by Test owner on 2026-11-16, SHA-256 [0-9a-f]{64}/,
    );
    expect(html).toContain(
      'Audit every contact received in October – completed 16 November 2026, awaiting verification',
    );
    expect(html).toContain(`npx actionledger audit verify --head ${head}`);
  }, 30_000);

  it('is a Word document, a PDF and CSV rows on asking, for the lead', async () => {
    const docx = await t.http
      .get(`/api/inspections/${inspectionId}/report?format=docx`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(docx.headers['content-disposition']).toMatch(/^attachment; filename="committee-report-.+\.docx"$/);
    const { value: text } = await mammoth.extractRawText({ buffer: docx.body as Buffer });
    expect(text).toContain('How we are addressing the areas for development');
    const pdf = await t.http
      .get(`/api/inspections/${inspectionId}/report?format=pdf`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    const csv = await t.http
      .get(`/api/inspections/${inspectionId}/report?format=csv&asOf=2026-11-10`)
      .expect(200);
    const rows = parse(csv.text, { columns: true }) as Record<string, string>[];
    // As at 10 November: moved once, not yet completed.
    expect(rows.map((row) => [row.owner, row.status, row.times_moved, row.due_date])).toEqual([
      ['Test owner', 'assigned', '1', '2026-12-04'],
    ]);
  }, 60_000);

  it('answers 404 for an unknown inspection and for another organisation’s board, 403 for an owner', async () => {
    await t.http.get('/api/inspections/00000000-0000-4000-8000-000000000000/report').expect(404);
    await t.users.otherBoard.http.get(`/api/inspections/${inspectionId}/report`).expect(404);
    await t.users.owner.http.get(`/api/inspections/${inspectionId}/report`).expect(403);
  });

  it('answers 400 naming the field for a malformed date, a since after asOf, an asOf to come, a format unknown', async () => {
    const before = await t.eventCount();
    const url = `/api/inspections/${inspectionId}/report`;
    expect((await t.http.get(`${url}?since=2026-13-01`).expect(400)).body.fields).toHaveProperty('since');
    expect(
      (await t.http.get(`${url}?since=2026-11-20&asOf=2026-11-10`).expect(400)).body.fields,
    ).toHaveProperty('since');
    expect((await t.http.get(`${url}?asOf=2027-01-01`).expect(400)).body.fields).toHaveProperty('asOf');
    expect((await t.http.get(`${url}?format=odt`).expect(400)).body.fields).toHaveProperty('format');
    expect(await t.eventCount()).toBe(before);
  });
});

describe('GET /api/reports/committee, the papers on every open inspection', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('gives one file with a paper per open inspection of the caller’s organisation, none of another’s', async () => {
    const first = await givenPlannedAction(t.http);
    const second = await givenPlannedAction(t.http, { category: 'area_for_development' });
    const withdrawn = await givenPlannedAction(t.http);
    await t.http
      .post(`/api/inspections/${withdrawn.inspectionId}/withdraw`)
      .send({ reason: 'Recorded twice' })
      .expect(200);
    const csv = await t.users.board.http.get('/api/reports/committee?format=csv').expect(200);
    const rows = parse(csv.text, { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.inspection_id).sort()).toEqual(
      [first.inspectionId, second.inspectionId].sort(),
    );
    const html = await t.http.get('/api/reports/committee').expect(200);
    expect(html.text.match(/<main class="govuk-width-container report-paper">/g)).toHaveLength(2);
    await t.users.otherBoard.http.get('/api/reports/committee').expect(404);
    await t.users.owner.http.get('/api/reports/committee').expect(403);
  }, 30_000);
});
