import { parse } from 'csv-parse/sync';
import { inspectionBody, startTestApp, type TestApp, type TestUser } from './test-app';

/** Durham's plan: an action planned, one in progress with notes, one moved then done, one done and verified. */
async function givenDurhamPlan(t: TestApp): Promise<{ inspectionId: string; position: number }> {
  const { lead, owner, secondOwner } = t.users;
  const inspection = await lead.http.post('/api/inspections').send(inspectionBody).expect(201);
  const raise = async (category: string, timescale: string, text: string) =>
    (
      await lead.http
        .post(`/api/inspections/${inspection.body.id}/findings`)
        .send({ category, timescale, text })
        .expect(201)
    ).body.id;
  const screening = await raise(
    'priority_action',
    'within_3_months',
    'Ensure that all contacts are screened promptly.',
  );
  const supervision = await raise(
    'recommendation',
    'within_6_months',
    'Improve the recording of supervision.',
  );
  const plan = async (findingId: string, title: string, description?: string) =>
    (await lead.http.post(`/api/findings/${findingId}/actions`).send({ title, description }).expect(201)).body
      .id;
  const act = (who: TestUser, actionId: string, verb: string, body: object) =>
    who.http.post(`/api/actions/${actionId}/${verb}`).send(body).expect(200);

  await plan(screening, 'Agree screening thresholds with partners');
  const audit = await plan(
    screening,
    'Audit every contact received in October',
    'A sample of 40, dip-sampled monthly',
  );
  await act(lead, audit, 'assign', { ownerId: owner.userId, dueDate: '2027-01-31' });
  await act(owner, audit, 'progress', { note: 'Sample drawn.' });
  await act(owner, audit, 'progress', { note: 'Half audited; findings to the board in January.' });
  const train = await plan(screening, 'Train screening staff');
  await act(lead, train, 'assign', { ownerId: secondOwner.userId, dueDate: '2027-02-28' });
  await act(lead, train, 'reschedule', { dueDate: '2027-03-31', reason: 'Trainer unavailable' });
  await act(secondOwner, train, 'complete', { summary: 'All staff trained' });
  const policy = await plan(supervision, 'Rewrite the supervision policy');
  await act(lead, policy, 'assign', { ownerId: owner.userId, dueDate: '2027-04-30' });
  await act(owner, policy, 'complete', { summary: 'Policy rewritten' });
  const verified = await act(lead, policy, 'verify', {});
  return { inspectionId: inspection.body.id, position: verified.body.position };
}

const binary = (
  response: import('superagent').Response,
  callback: (error: Error | null, body: Buffer) => void,
) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
};

/** The exported rows, without the owners' emails: the same people have other addresses in another council. */
const planRows = (csv: string) =>
  (parse(csv, { bom: true }) as string[][]).map((row) => row.filter((_, column) => column !== 7));

describe('a plan exported and imported into a fresh organisation', () => {
  let t: TestApp;
  beforeEach(async () => (t = await startTestApp()));
  afterEach(() => t.close());

  it.each(['xlsx', 'csv'])('comes back the same from %s', async (format) => {
    const { inspectionId, position } = await givenDurhamPlan(t);
    const exported = await t.users.board.http
      .get(`/api/inspections/${inspectionId}/plan?format=${format}&after=${position}`)
      .buffer(true)
      .parse(binary)
      .expect(200);

    // Hartlepool has people of the same names, with addresses of its own.
    for (const name of ['owner', 'secondOwner']) {
      await t.users.otherAdmin.http
        .post('/api/users')
        .send({
          email: `${name.toLowerCase()}@hartlepool.example.org`,
          name: `Test ${name}`,
          roles: ['owner'],
        })
        .expect(201);
    }
    const lead = t.users.otherLead.http;
    const draft = (
      await lead
        .post('/api/plans/import')
        .attach('file', exported.body as Buffer, `plan.${format}`)
        .field('authority', 'Hartlepool Borough Council')
        .field('inspectionType', inspectionBody.inspectionType)
        .field('inspectionDates', inspectionBody.inspectionDates.join(','))
        .field('letterDate', inspectionBody.letterDate)
        .expect(201)
    ).body;
    expect(draft.problems).toEqual([]);
    expect(
      draft.rows.every(
        (row: { owner: { userId: string | null; text: string | null } }) =>
          !row.owner.text || row.owner.userId,
      ),
    ).toBe(true);
    const confirmed = (await lead.post(`/api/plans/imports/${draft.id}/confirm`).expect(200)).body;

    const again = await t.users.otherBoard.http
      .get(`/api/inspections/${confirmed.inspectionId}/plan?format=csv&after=${confirmed.position}`)
      .expect(200);
    const original = await t.users.board.http
      .get(`/api/inspections/${inspectionId}/plan?format=csv`)
      .expect(200);
    expect(planRows(again.text)).toEqual(planRows(original.text));
    const rows = planRows(original.text);
    expect(rows).toHaveLength(5);
    // Ref … Due date, Status, Progress notes, Original due date, Times moved, Completed on, Verified on.
    expect(rows[3].slice(6)).toEqual([
      'Test secondOwner',
      '31/03/2027',
      'Complete',
      '',
      '28/02/2027',
      '1',
      '02/11/2026',
      '',
    ]);
    expect(rows[4].slice(8)).toEqual(['Verified', '', '', '0', '02/11/2026', '02/11/2026']);
    expect(rows[2][9]).toBe('Sample drawn.\n\nHalf audited; findings to the board in January.');

    const [durham, hartlepool] = await Promise.all([
      t.users.board.http.get(`/api/inspections/${inspectionId}/plan`).expect(200),
      t.users.otherBoard.http.get(`/api/inspections/${confirmed.inspectionId}/plan`).expect(200),
    ]);
    const shape = (plan: {
      findings: { category: string; timescale: string; text: string; actions: Record<string, unknown>[] }[];
    }) =>
      plan.findings.map(({ category, timescale, text, actions }) => ({
        category,
        timescale,
        text,
        actions: actions.map(({ title, status, dueDate, originalDueDate, timesMoved, overdue }) => ({
          title,
          status,
          dueDate,
          originalDueDate,
          timesMoved,
          overdue,
        })),
      }));
    expect(shape(hartlepool.body)).toEqual(shape(durham.body));
  });
});
