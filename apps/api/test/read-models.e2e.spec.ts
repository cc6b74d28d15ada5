import { givenOverdueAction, startTestApp, type TestApp } from './test-app';

/** The read models through the API, projected from the log into real Redis by the runner inside the app. */
describe('the read models, as the API answers them', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('shows a priority action overdue at once to the lead, the board and its owner, and to no other organisation', async () => {
    const { actionId, inspectionId, position } = await givenOverdueAction(t);
    const overdue = await t.http
      .get(`/api/reports/overdue?category=priority_action&after=${position}`)
      .expect(200);
    const item = overdue.body.items.find((entry: { actionId: string }) => entry.actionId === actionId);
    expect(item).toMatchObject({
      ownerId: t.users.owner.userId,
      dueDate: '2010-04-20',
      inspection: { inspectionId },
    });
    expect(item.daysOverdue).toBeGreaterThan(365 * 16);

    const boardView = await t.users.board.http.get(`/api/reports/overdue?after=${position}`).expect(200);
    expect(boardView.body.items.map((entry: { actionId: string }) => entry.actionId)).toContain(actionId);
    const mine = await t.users.owner.http.get(`/api/me/actions?after=${position}`).expect(200);
    expect(mine.body.items.map((entry: { actionId: string }) => entry.actionId)).toContain(actionId);
    const elsewhere = await t.users.otherLead.http.get(`/api/reports/overdue?after=${position}`).expect(200);
    expect(elsewhere.body.items).toEqual([]);
    await t.users.otherLead.http.get(`/api/inspections/${inspectionId}/plan`).expect(404);

    const plan = await t.http.get(`/api/inspections/${inspectionId}/plan?after=${position}`).expect(200);
    expect(plan.body.rag).toBeDefined();
    const listed = await t.http.get(`/api/inspections?after=${position}`).expect(200);
    expect(listed.body.items.map((entry: { inspectionId: string }) => entry.inspectionId)).toContain(
      inspectionId,
    );
  });

  it('takes a verified action off the overdue list, read after the write that did it', async () => {
    const { actionId } = await givenOverdueAction(t);
    await t.users.owner.http.post(`/api/actions/${actionId}/complete`).send({ summary: 'Done' }).expect(200);
    const verified = await t.http.post(`/api/actions/${actionId}/verify`).send({}).expect(200);
    const overdue = await t.users.board.http
      .get(`/api/reports/overdue?after=${verified.body.position}`)
      .expect(200);
    expect(overdue.body.items.map((entry: { actionId: string }) => entry.actionId)).not.toContain(actionId);
  });

  it('answers nonsense filters with a 400 naming the field', async () => {
    const status = await t.http.get('/api/actions?status=nonsense').expect(400);
    expect(status.body.fields).toHaveProperty('status');
    const limit = await t.http.get('/api/actions?limit=100000').expect(400);
    expect(limit.body.fields).toHaveProperty('limit');
    const after = await t.http.get('/api/actions?after=soon').expect(400);
    expect(after.body.fields).toHaveProperty('after');
  });

  it('answers 503 with Retry-After when the read models cannot reach the position in time', async () => {
    const response = await t.http.get('/api/reports/overdue?after=999999999').expect(503);
    expect(response.headers['retry-after']).toBe('1');
  });
});
