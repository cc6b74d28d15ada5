import { randomUUID } from 'node:crypto';
import { buildPasswordProtectedWorkbook } from '../../../libs/spreadsheets/src/testing/password-protected';
import { buildWorkbook, BLUE, GREEN, RED } from '../../../libs/spreadsheets/src/testing/plan-workbooks';
import { inspectionBody, startTestApp, type TestApp } from './test-app';

const FINDING = 'Ensure that all contacts are screened promptly by qualified social workers.';

async function givenInspectionWithFinding(t: TestApp) {
  const inspection = await t.http.post('/api/inspections').send(inspectionBody).expect(201);
  const finding = await t.http
    .post(`/api/inspections/${inspection.body.id}/findings`)
    .send({ category: 'priority_action', timescale: 'within_3_months', text: FINDING })
    .expect(201);
  return { inspectionId: inspection.body.id as string, findingId: finding.body.id as string };
}

/** A council's plan as it keeps it: a title above the header, a blank row, colours for RAG, a sheet of notes. */
const councilPlan = () =>
  buildWorkbook([
    {
      name: 'Improvement plan',
      titles: ['Durham County Council – Improvement Plan following the inspection of October 2026'],
      header: [
        'Ref',
        'Recommendation',
        'Actions to be taken',
        'Lead officer',
        'By when',
        'RAG',
        'Progress update',
      ],
      rows: [
        [
          '1.1',
          FINDING,
          'Audit every contact received in October',
          'Test owner',
          new Date(Date.UTC(2027, 0, 31)),
          { fill: GREEN },
          'Sample drawn.\n\nHalf audited.',
        ],
        [],
        ['1.2', null, 'Train screening staff', 'secondowner@example.org', 46477, { fill: BLUE }, null],
        [
          '2.1',
          'Reduce reliance on agency social workers',
          'Recruit permanent team managers',
          'Head of Service',
          'Mar-27',
          { fill: RED },
          null,
        ],
        [
          '2.2',
          'Reduce reliance on agency social workers',
          'Review the pay offer',
          null,
          '03/31/2027',
          null,
          null,
        ],
      ],
    },
    { name: 'Notes', header: ['Notes'], rows: [['Agreed at the improvement board.']] },
  ]);

const upload = (t: TestApp, bytes: Buffer, name: string, fields: Record<string, string>) => {
  let request = t.http.post('/api/plans/import').attach('file', bytes, name);
  for (const [field, value] of Object.entries(fields)) request = request.field(field, value);
  return request;
};

const binary = (
  response: import('superagent').Response,
  callback: (error: Error | null, body: Buffer) => void,
) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe('importing an action plan from a spreadsheet', () => {
  let t: TestApp;
  beforeEach(async () => (t = await startTestApp()));
  afterEach(() => t.close());

  it('records only a draft: the columns recognised, each row matched or flagged', async () => {
    const { inspectionId, findingId } = await givenInspectionWithFinding(t);
    const before = await t.eventCount();
    const created = await upload(t, await councilPlan(), 'plan.xlsx', { inspectionId }).expect(201);
    expect(await t.eventCount()).toBe(before + 1);
    const draft = (await t.http.get(`/api/plans/imports/${created.body.id}`).expect(200)).body;
    expect(draft).toMatchObject({
      status: 'draft',
      format: 'xlsx',
      sheetName: 'Improvement plan',
      otherSheets: ['Notes'],
      headerRow: 2,
      columns: {
        action: { column: 'C', header: 'Actions to be taken' },
        owner: { column: 'D', header: 'Lead officer' },
        dueDate: { column: 'E', header: 'By when' },
        rag: { column: 'F', header: 'RAG' },
        notes: { column: 'G', header: 'Progress update' },
      },
    });
    const [audit, train, recruit, pay] = draft.rows;
    expect(draft.rows.map((row: { rowNumber: number }) => row.rowNumber)).toEqual([3, 5, 6, 7]);
    expect(audit).toMatchObject({
      finding: { findingId },
      owner: { userId: t.users.owner.userId, matchedBy: 'name' },
      dueDate: '2027-01-31',
      rag: 'green',
      notes: ['Sample drawn.', 'Half audited.'],
      problems: [],
    });
    expect(train).toMatchObject({
      finding: { findingId },
      owner: { userId: t.users.secondOwner.userId },
      dueDate: '2027-03-31',
      status: 'complete',
    });
    expect(recruit.problems).toEqual([
      'the owner "Head of Service" matches no user of the organisation: choose one',
    ]);
    expect(pay.problems).toEqual([expect.stringMatching(/due date "03\/31\/2027" is ambiguous/)]);
    expect(draft.problems).toEqual([expect.stringMatching(/^row 6: /), expect.stringMatching(/^row 7: /)]);
  });

  it('confirms nothing while a row has a problem; once corrected, records every row’s events, marked with the file and row, once', async () => {
    const { inspectionId } = await givenInspectionWithFinding(t);
    const { id } = (await upload(t, await councilPlan(), 'plan.xlsx', { inspectionId }).expect(201)).body;
    const before = await t.eventCount();
    const refused = await t.http.post(`/api/plans/imports/${id}/confirm`).expect(409);
    expect(refused.body.message).toMatch(
      /row 6: the owner "Head of Service" matches no user.*; row 7: the due date/,
    );
    expect(await t.eventCount()).toBe(before);

    await t.http
      .patch(`/api/plans/imports/${id}`)
      .send({
        rows: [
          { rowNumber: 6, ownerId: t.users.owner.userId },
          { rowNumber: 7, excluded: true },
        ],
      })
      .expect(200);
    const confirmed = (await t.http.post(`/api/plans/imports/${id}/confirm`).expect(200)).body;
    expect(confirmed).toMatchObject({
      inspectionId,
      rowNumbers: [3, 5, 6],
      actionIds: [expect.any(String), expect.any(String), expect.any(String)],
    });
    expect(confirmed.findingIds).toHaveLength(1);

    const written = (await t.store.readAll()).filter((event) => event.position > BigInt(before));
    expect(
      written.map((event) => [event.type, (event.metadata.imported as { row?: number } | undefined)?.row]),
    ).toEqual([
      ['PlanImportEdited', undefined],
      ['PlanImportConfirmed', undefined],
      ['FindingRaised', 6],
      ['ActionPlanned', 3],
      ['ActionAssigned', 3],
      ['ProgressRecorded', 3],
      ['ProgressRecorded', 3],
      ['ActionPlanned', 5],
      ['ActionAssigned', 5],
      ['ActionCompleted', 5],
      ['ActionPlanned', 6],
      ['ActionAssigned', 6],
    ]);
    const draft = (await t.http.get(`/api/plans/imports/${id}`).expect(200)).body;
    for (const event of written.slice(1)) {
      expect(event.metadata.imported).toMatchObject({ fileName: 'plan.xlsx', digest: draft.digest });
    }
    expect(written.find((event) => event.type === 'ActionAssigned')!.data).toMatchObject({
      dueDate: '2027-01-31',
      dueDateSource: 'given',
    });

    const history = await t.http.get(`/api/actions/${confirmed.actionIds[0]}/history`).expect(200);
    expect(history.body.map((step: { type: string; why: string }) => [step.type, step.why])).toEqual([
      ['ActionPlanned', `Imported from plan.xlsx, row 3 (SHA-256 ${draft.digest.slice(0, 12)}…).`],
      ['ActionAssigned', `Imported from plan.xlsx, row 3 (SHA-256 ${draft.digest.slice(0, 12)}…).`],
      ['ProgressRecorded', expect.stringMatching(/^Imported from plan\.xlsx, row 3/)],
      ['ProgressRecorded', expect.stringMatching(/^Imported from plan\.xlsx, row 3/)],
    ]);

    const count = await t.eventCount();
    const again = await t.http.post(`/api/plans/imports/${id}/confirm`).expect(200);
    expect(again.body).toEqual(confirmed);
    expect(await t.eventCount()).toBe(count);
    await t.http
      .patch(`/api/plans/imports/${id}`)
      .send({ rows: [{ rowNumber: 3, excluded: true }] })
      .expect(409);

    const plan = (
      await t.users.board.http
        .get(`/api/inspections/${inspectionId}/plan?after=${confirmed.position}`)
        .expect(200)
    ).body;
    const actions = plan.findings.flatMap((finding: { actions: object[] }) => finding.actions);
    expect(actions.map((action: { title: string; status: string }) => [action.title, action.status])).toEqual(
      [
        ['Audit every contact received in October', 'assigned'],
        ['Train screening staff', 'completed'],
        ['Recruit permanent team managers', 'assigned'],
      ],
    );
  });

  it('reads the columns again when the lead maps one, and refuses owners and findings not theirs', async () => {
    const { inspectionId } = await givenInspectionWithFinding(t);
    const csv = Buffer.from('Action,Person,Due\nAudit contacts,Test owner,31/01/2027\n');
    const { id, rows } = (await upload(t, csv, 'plan.csv', { inspectionId }).expect(201)).body;
    expect(rows[0].owner.userId).toBeNull();
    await t.http
      .patch(`/api/plans/imports/${id}`)
      .send({ columns: { owner: 'Person' } })
      .expect(200);
    const draft = (await t.http.get(`/api/plans/imports/${id}`).expect(200)).body;
    expect(draft.rows[0].owner).toMatchObject({ userId: t.users.owner.userId, matchedBy: 'name' });
    expect(draft.columns.owner).toEqual({ column: 'B', header: 'Person' });

    const before = await t.eventCount();
    const badColumn = await t.http
      .patch(`/api/plans/imports/${id}`)
      .send({ columns: { owner: 'Nobody' } })
      .expect(400);
    expect(badColumn.body.message).toMatch(/columns\.owner names no column of the sheet/);
    const otherOwner = await t.http
      .patch(`/api/plans/imports/${id}`)
      .send({ rows: [{ rowNumber: 2, ownerId: t.users.otherOwner.userId }] })
      .expect(400);
    expect(otherOwner.body.message).toMatch(/rows\[0\]\.ownerId/);
    const strangeFinding = await t.http
      .patch(`/api/plans/imports/${id}`)
      .send({ rows: [{ rowNumber: 2, findingId: randomUUID() }] })
      .expect(400);
    expect(strangeFinding.body.message).toMatch(
      /rows\[0\]\.findingId: .* is not a finding of this inspection/,
    );
    await t.http
      .patch(`/api/plans/imports/${id}`)
      .send({ rows: [{ rowNumber: 9, excluded: true }] })
      .expect(409);
    expect(await t.eventCount()).toBe(before);

    // Another organisation's lead sees no such draft, and cannot import for this inspection.
    await t.users.otherLead.http.get(`/api/plans/imports/${id}`).expect(404);
    await t.users.otherLead.http.post(`/api/plans/imports/${id}/confirm`).expect(404);
    await t.users.otherLead.http
      .post('/api/plans/import')
      .attach('file', csv, 'plan.csv')
      .field('inspectionId', inspectionId)
      .expect(404);
  });

  it('the same file imported again finds its first draft', async () => {
    const { inspectionId } = await givenInspectionWithFinding(t);
    const bytes = await councilPlan();
    const first = await upload(t, bytes, 'plan.xlsx', { inspectionId }).expect(201);
    const count = await t.eventCount();
    const second = await upload(t, bytes, 'plan copy.xlsx', { inspectionId }).expect(200);
    expect(second.body).toMatchObject({ id: first.body.id, alreadyImported: true });
    expect(await t.eventCount()).toBe(count);
  });

  it('refuses with a 400 that says which: not a spreadsheet, a password, no action column, too many rows, no inspection', async () => {
    const { inspectionId } = await givenInspectionWithFinding(t);
    const before = await t.eventCount();
    const encrypted = await buildPasswordProtectedWorkbook(
      [{ name: 'Plan', header: ['Action', 'Owner'], rows: [['Audit contacts', 'Test owner']] }],
      'secret',
    );
    const many = Buffer.from(
      ['Action,Owner', ...Array.from({ length: 5001 }, (_, i) => `Action ${i},Test owner`)].join('\n'),
    );
    const cases: [Buffer, string, string, RegExp][] = [
      [Buffer.from('%PDF-1.7\n\u0000\u0001\u0002'), 'letter.pdf', 'not_a_spreadsheet', /not a spreadsheet/],
      [encrypted, 'plan.xlsx', 'password_protected', /protected by a password/],
      [
        Buffer.from('Name,Budget\nSupervision,1200\n'),
        'budget.csv',
        'no_action_column',
        /recognisably the actions/,
      ],
      [many, 'huge.csv', 'too_many_rows', /5001 rows; an import takes at most 5,000/],
    ];
    for (const [bytes, name, reason, message] of cases) {
      const refused = await upload(t, bytes, name, { inspectionId }).expect(400);
      expect(refused.body).toMatchObject({ reason, message: expect.stringMatching(message) });
    }
    const noInspection = await upload(t, await councilPlan(), 'plan.xlsx', { authority: 'Durham' }).expect(
      400,
    );
    expect(noInspection.body.fields).toEqual({
      inspectionType: [expect.any(String)],
      inspectionDates: [expect.any(String)],
    });
    await t.http.post('/api/plans/import').field('inspectionId', inspectionId).expect(400);
    expect(await t.eventCount()).toBe(before);
  });

  it('exports the plan as .xlsx and .csv, and JSON stays as it was', async () => {
    const { inspectionId } = await givenInspectionWithFinding(t);
    const { id } = (await upload(t, await councilPlan(), 'plan.xlsx', { inspectionId }).expect(201)).body;
    await t.http
      .patch(`/api/plans/imports/${id}`)
      .send({
        rows: [
          { rowNumber: 6, excluded: true },
          { rowNumber: 7, excluded: true },
        ],
      })
      .expect(200);
    const { position } = (await t.http.post(`/api/plans/imports/${id}/confirm`).expect(200)).body;
    const csv = await t.users.board.http
      .get(`/api/inspections/${inspectionId}/plan?format=csv&after=${position}`)
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(lines[0]).toBe(
      'Ref,Finding,Finding category,Finding timescale,Action,Description,Lead officer,Lead officer email,Due date,Status,Progress notes,Original due date,Times moved,Completed on,Verified on',
    );
    expect(lines[1]).toMatch(
      /^1\.1,Ensure that all contacts.*,Priority action,Within 3 months,Audit every contact received in October,,Test owner,owner@example.org,31\/01\/2027,In progress,"Sample drawn\./,
    );
    const xlsx = await t.users.board.http
      .get(`/api/inspections/${inspectionId}/plan?format=xlsx`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(xlsx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    const json = await t.users.board.http.get(`/api/inspections/${inspectionId}/plan`).expect(200);
    expect(json.body).toMatchObject({ inspectionId, findings: [expect.any(Object)] });
    await t.users.board.http.get(`/api/inspections/${inspectionId}/plan?format=pdf`).expect(400);
    await t.users.otherBoard.http.get(`/api/inspections/${inspectionId}/plan?format=xlsx`).expect(404);
  });
});
