import { givenPlannedAction, inspectionBody, startTestApp, type TestApp } from './test-app';

describe('what the API refuses, and that a refusal appends nothing', () => {
  let t: TestApp;
  beforeEach(async () => (t = await startTestApp()));
  afterEach(() => t.close());

  it('answers 400 naming each invalid field', async () => {
    const before = await t.eventCount();
    const response = await t.http
      .post('/api/inspections')
      .send({ ...inspectionBody, authority: '', inspectionType: 'surprise', inspectionDates: ['2026-02-30'] })
      .expect(400);
    expect(Object.keys(response.body.fields).sort()).toEqual([
      'authority',
      'inspectionDates',
      'inspectionType',
    ]);
    expect(response.body.fields.inspectionDates[0]).toMatch(/real date written as YYYY-MM-DD/);
    expect(await t.eventCount()).toBe(before);
  });

  it('refuses fields it does not know', async () => {
    const { actionId } = await givenPlannedAction(t.http);
    const response = await t.http
      .post(`/api/actions/${actionId}/assign`)
      .send({ ownerId: t.users.owner.userId, dueDate: '2026-12-01', priority: 'high' })
      .expect(400);
    expect(response.body.fields).toEqual({ priority: ['property priority should not exist'] });
  });

  it('answers 404 for an unknown id, on reads and on writes', async () => {
    await t.http.get('/api/inspections/nope').expect(404);
    await t.http.get('/api/findings/nope').expect(404);
    await t.http.get('/api/actions/nope').expect(404);
    await t.http.get('/api/actions/nope/history').expect(404);
    const before = await t.eventCount();
    await t.http.post('/api/inspections/nope/findings').send({ category: 'strength', text: 'x' }).expect(404);
    await t.http.post('/api/findings/nope/actions').send({ title: 'x' }).expect(404);
    const response = await t.http.post('/api/actions/nope/complete').send({ summary: 'x' }).expect(404);
    expect(response.body.message).toBe('There is no action with id nope.');
    expect(await t.eventCount()).toBe(before);
  });

  it('answers 409 with the reason for an illegal transition', async () => {
    const { actionId } = await givenPlannedAction(t.http);
    const before = await t.eventCount();
    const complete = await t.http
      .post(`/api/actions/${actionId}/complete`)
      .send({ summary: 'Done' })
      .expect(409);
    expect(complete.body.message).toBe(
      'This action cannot be completed: it has not been assigned to anyone.',
    );
    const verify = await t.http.post(`/api/actions/${actionId}/verify`).send({}).expect(409);
    expect(verify.body.message).toBe('This action cannot be verified: it has not been completed.');
    expect(await t.eventCount()).toBe(before);
  });

  it('requires a due date where the timescale gives none', async () => {
    const { actionId } = await givenPlannedAction(t.http, {
      category: 'area_for_development',
      timescale: 'none',
    });
    const response = await t.http
      .post(`/api/actions/${actionId}/assign`)
      .send({ ownerId: t.users.owner.userId })
      .expect(409);
    expect(response.body.message).toMatch(/due date is required/);
  });

  it('refuses a stale If-Match with 409 and appends nothing; a current one succeeds', async () => {
    const { actionId } = await givenPlannedAction(t.http);
    await t.http
      .post(`/api/actions/${actionId}/assign`)
      .set('If-Match', '"0"')
      .send({ ownerId: t.users.owner.userId })
      .expect(200);
    const before = await t.eventCount();
    const stale = await t.http
      .post(`/api/actions/${actionId}/progress`)
      .set('If-Match', '"0"')
      .send({ note: 'written from an old screen' })
      .expect(409);
    expect(stale.body.message).toMatch(/changed since version 0: it is now at version 1/);
    expect(await t.eventCount()).toBe(before);
    await t.http
      .post(`/api/actions/${actionId}/progress`)
      .set('If-Match', '1')
      .send({ note: 'fresh' })
      .expect(200);
    await t.http
      .post(`/api/actions/${actionId}/progress`)
      .set('If-Match', 'yesterday')
      .send({ note: 'x' })
      .expect(400);
  });

  it('returns the first response to a retried POST with the same Idempotency-Key, appending nothing', async () => {
    const first = await t.http
      .post('/api/inspections')
      .set('Idempotency-Key', 'k-1')
      .send(inspectionBody)
      .expect(201);
    const before = await t.eventCount();
    const retry = await t.http
      .post('/api/inspections')
      .set('Idempotency-Key', 'k-1')
      .send(inspectionBody)
      .expect(201);
    expect(retry.body).toEqual(first.body);
    expect(await t.eventCount()).toBe(before);

    const { actionId } = await givenPlannedAction(t.http);
    const assign = () =>
      t.http
        .post(`/api/actions/${actionId}/assign`)
        .set('Idempotency-Key', 'k-2')
        .send({ ownerId: t.users.owner.userId });
    const firstAssign = await assign().expect(200);
    const afterAssign = await t.eventCount();
    expect((await assign().expect(200)).body).toEqual(firstAssign.body);
    expect(await t.eventCount()).toBe(afterAssign);

    const reused = await t.http
      .post(`/api/actions/${actionId}/progress`)
      .set('Idempotency-Key', 'k-2')
      .send({ note: 'x' })
      .expect(422);
    expect(reused.body.message).toMatch(/already used for a different request/);
  });

  it('refuses a key reused with another body, about another record or for another command, appending nothing', async () => {
    const { actionId } = await givenPlannedAction(t.http);
    const other = await givenPlannedAction(t.http);
    await t.http
      .post(`/api/actions/${actionId}/assign`)
      .set('Idempotency-Key', 'k-3')
      .send({ ownerId: t.users.owner.userId })
      .expect(200);
    const before = await t.eventCount();

    const changedBody = await t.http
      .post(`/api/actions/${actionId}/assign`)
      .set('Idempotency-Key', 'k-3')
      .send({ ownerId: t.users.secondOwner.userId })
      .expect(422);
    expect(changedBody.body.message).toMatch(/already used for a different request/);
    await t.http
      .post(`/api/actions/${other.actionId}/assign`)
      .set('Idempotency-Key', 'k-3')
      .send({ ownerId: t.users.owner.userId })
      .expect(422);
    await t.http
      .post(`/api/findings/${other.findingId}/actions`)
      .set('Idempotency-Key', 'k-3')
      .send({ title: 'Another action' })
      .expect(422);
    expect(await t.eventCount()).toBe(before);
  });
});

describe('body sizes', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('refuses a body larger than its route needs before parsing it, appending nothing', async () => {
    const before = await t.eventCount();
    const huge = { ...inspectionBody, inspector: 'x'.repeat(3 * 1024 * 1024) };
    await t.http.post('/api/inspections').send(huge).expect(413);
    expect(await t.eventCount()).toBe(before);
  });
});
