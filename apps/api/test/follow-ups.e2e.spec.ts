import { givenPlannedAction, inspectionBody, startTestApp, type TestApp } from './test-app';

/** Follow-up inspections: scheduled by a lead, judged finding by finding, read with their readiness. */
describe('follow-up inspections through the API', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  /** An inspection with a priority action (one action, planned), an area for development, and a strength. */
  async function givenInspection() {
    const { inspectionId, findingId, actionId } = await givenPlannedAction(t.http);
    const raise = async (category: string) =>
      (
        await t.http
          .post(`/api/inspections/${inspectionId}/findings`)
          .send({ category, text: `A finding of the kind ${category}.` })
          .expect(201)
      ).body.id as string;
    return {
      inspectionId,
      priorityId: findingId,
      actionId,
      developmentId: await raise('area_for_development'),
      strengthId: await raise('strength'),
    };
  }

  const schedule = (inspectionId: string, expectedDate = '2027-03-15') =>
    t.http.post('/api/follow-ups').send({ expectedDate, followsInspectionId: inspectionId });

  it('schedules a follow-up that looks at the areas for priority action and development, and records its judgements', async () => {
    const given = await givenInspection();
    const scheduled = await schedule(given.inspectionId).expect(201);
    expect(scheduled.body).toEqual({ id: expect.any(String), position: expect.any(Number) });

    const read = await t.users.board.http.get(`/api/follow-ups/${scheduled.body.id}`).expect(200);
    expect(read.headers.etag).toBe('"0"');
    expect(read.body).toMatchObject({
      followUpId: scheduled.body.id,
      authority: inspectionBody.authority,
      expectedDate: '2027-03-15',
      followsInspectionId: given.inspectionId,
      readiness: 0,
      version: 0,
    });
    expect(read.body.findings.map((finding: { findingId: string }) => finding.findingId).sort()).toEqual(
      [given.priorityId, given.developmentId].sort(),
    );

    const judged = await t.http
      .post(`/api/follow-ups/${scheduled.body.id}/judgements`)
      .send({ findingId: given.priorityId, judgement: 'partly_addressed', note: '  Screening is faster.  ' })
      .expect(200);
    expect(judged.body).toMatchObject({ id: scheduled.body.id, version: 1 });
    const after = await t.http.get(`/api/follow-ups/${scheduled.body.id}`).expect(200);
    const priority = after.body.findings.find((f: { findingId: string }) => f.findingId === given.priorityId);
    expect(priority.judgement).toEqual({ judgement: 'partly_addressed', note: 'Screening is faster.' });

    const upcoming = await t.http.get(`/api/follow-ups?after=${judged.body.position}`).expect(200);
    expect(upcoming.body.items.map((item: { followUpId: string }) => item.followUpId)).toContain(
      scheduled.body.id,
    );
  });

  it('counts a finding ready once all its actions are verified', async () => {
    const given = await givenInspection();
    const followUp = (await schedule(given.inspectionId).expect(201)).body.id as string;
    await t.http
      .post(`/api/actions/${given.actionId}/assign`)
      .send({ ownerId: t.users.owner.userId, dueDate: '2027-01-31' })
      .expect(200);
    await t.users.owner.http
      .post(`/api/actions/${given.actionId}/complete`)
      .send({ summary: 'Done' })
      .expect(200);
    const verified = await t.http.post(`/api/actions/${given.actionId}/verify`).send({}).expect(200);
    const read = await t.http.get(`/api/follow-ups/${followUp}?after=${verified.body.position}`).expect(200);
    expect(read.body.readiness).toBe(0.5);
  });

  it('names each invalid field with a 400, and appends nothing', async () => {
    const given = await givenInspection();
    const followUp = (await schedule(given.inspectionId).expect(201)).body.id as string;
    const before = await t.eventCount();
    const badDate = await schedule(given.inspectionId, '2027-02-30').expect(400);
    expect(Object.keys(badDate.body.fields)).toEqual(['expectedDate']);
    const noInspection = await t.http
      .post('/api/follow-ups')
      .send({ expectedDate: '2027-03-15' })
      .expect(400);
    expect(Object.keys(noInspection.body.fields)).toEqual(['followsInspectionId']);
    const badJudgement = await t.http
      .post(`/api/follow-ups/${followUp}/judgements`)
      .send({ findingId: given.priorityId, judgement: 'done' })
      .expect(400);
    expect(Object.keys(badJudgement.body.fields)).toEqual(['judgement']);
    await t.http.get(`/api/follow-ups/${followUp}?after=soon`).expect(400);
    expect(await t.eventCount()).toBe(before);
  });

  it('answers 404 for what the caller may not see: unknown ids and another organisation’s records', async () => {
    const given = await givenInspection();
    const followUp = (await schedule(given.inspectionId).expect(201)).body.id as string;
    const theirs = await givenPlannedAction(t.users.otherLead.http);
    const before = await t.eventCount();
    await schedule('no-such-inspection').expect(404);
    await t.users.otherLead.http
      .post('/api/follow-ups')
      .send({ expectedDate: '2027-03-15', followsInspectionId: given.inspectionId })
      .expect(404);
    await t.http
      .post('/api/follow-ups/no-such-follow-up/judgements')
      .send({ findingId: given.priorityId, judgement: 'addressed' })
      .expect(404);
    await t.http
      .post(`/api/follow-ups/${followUp}/judgements`)
      .send({ findingId: theirs.findingId, judgement: 'addressed' })
      .expect(404);
    await t.users.otherLead.http
      .post(`/api/follow-ups/${followUp}/judgements`)
      .send({ findingId: given.priorityId, judgement: 'addressed' })
      .expect(404);
    await t.http.get('/api/follow-ups/no-such-follow-up').expect(404);
    await t.users.otherBoard.http.get(`/api/follow-ups/${followUp}`).expect(404);
    expect(await t.eventCount()).toBe(before);
  });

  it('answers 409 for a finding the follow-up does not follow, the same judgement twice, and a withdrawn inspection', async () => {
    const given = await givenInspection();
    const elsewhere = await givenInspection();
    const followUp = (await schedule(given.inspectionId).expect(201)).body.id as string;
    await t.http
      .post(`/api/follow-ups/${followUp}/judgements`)
      .send({ findingId: given.developmentId, judgement: 'addressed' })
      .expect(200);
    await t.http
      .post(`/api/inspections/${elsewhere.inspectionId}/withdraw`)
      .send({ reason: 'Recorded twice' })
      .expect(200);
    const before = await t.eventCount();

    const notFollowed = await t.http
      .post(`/api/follow-ups/${followUp}/judgements`)
      .send({ findingId: elsewhere.priorityId, judgement: 'addressed' })
      .expect(409);
    expect(notFollowed.body.message).toMatch(/not raised by the inspection this follow-up follows/);
    const twice = await t.http
      .post(`/api/follow-ups/${followUp}/judgements`)
      .send({ findingId: given.developmentId, judgement: 'addressed' })
      .expect(409);
    expect(twice.body.message).toMatch(/already judged addressed/);
    const withdrawn = await schedule(elsewhere.inspectionId).expect(409);
    expect(withdrawn.body.message).toMatch(/withdrawn/);
    expect(await t.eventCount()).toBe(before);
  });
});
