import {
  givenOverdueAction,
  givenPlannedAction,
  inspectionBody,
  startTestApp,
  type TestApp,
} from './test-app';

/** The stories of issue 8, as a lead would live them, and the trail that tells each one with its reason. */
describe('corrections without rewriting history', () => {
  let t: TestApp;
  beforeEach(async () => (t = await startTestApp()));
  afterEach(() => t.close());

  const waitForStatus = async (findingId: string, status: string) => {
    for (const deadline = Date.now() + 5_000; Date.now() < deadline;) {
      const finding = await t.http.get(`/api/findings/${findingId}`);
      if (finding.body.status === status) return finding.body;
      await new Promise((settle) => setTimeout(settle, 20));
    }
    throw new Error(`The finding did not become ${status}.`);
  };
  const trailOf = async (streamId: string) =>
    (await t.users.board.http.get(`/api/audit?stream=${streamId}`).expect(200)).body as {
      type: string;
      why: string | null;
      who: { role: string };
      changes: object;
    }[];

  it('a finding resolved too early is reopened, takes its second action, and resolves again', async () => {
    const { findingId, actionId } = await givenPlannedAction(t.http);
    await t.http.post(`/api/actions/${actionId}/assign`).send({ ownerId: t.users.owner.userId }).expect(200);
    await t.users.owner.http.post(`/api/actions/${actionId}/complete`).send({ summary: 'Done' }).expect(200);
    await t.http.post(`/api/actions/${actionId}/verify`).send({}).expect(200);
    await waitForStatus(findingId, 'resolved');

    const refused = await t.http
      .post(`/api/findings/${findingId}/actions`)
      .send({ title: 'The second action' })
      .expect(409);
    expect(refused.body.message).toMatch(/reopen the finding first/);
    await t.http.post(`/api/findings/${findingId}/reopen`).send({ reason: '  ' }).expect(400);
    await t.http
      .post(`/api/findings/${findingId}/reopen`)
      .send({ reason: 'The second action was never planned' })
      .expect(200);
    const second = await t.http
      .post(`/api/findings/${findingId}/actions`)
      .send({ title: 'The second action' })
      .expect(201);
    await t.http
      .post(`/api/actions/${second.body.id}/assign`)
      .send({ ownerId: t.users.owner.userId })
      .expect(200);
    await t.users.owner.http
      .post(`/api/actions/${second.body.id}/complete`)
      .send({ summary: 'Done' })
      .expect(200);
    await t.http.post(`/api/actions/${second.body.id}/verify`).send({}).expect(200);
    await waitForStatus(findingId, 'resolved');

    const trail = await trailOf(`finding-${findingId}`);
    expect(trail.map((entry) => entry.type)).toEqual([
      'FindingRaised',
      'ActionAddedToFinding',
      'FindingResolved',
      'FindingReopened',
      'ActionAddedToFinding',
      'FindingResolved',
    ]);
    expect(trail[3]).toMatchObject({ why: 'The second action was never planned', who: { role: 'lead' } });
  });

  it('an action planned by mistake is withdrawn: it stops counting and the finding resolves on the others', async () => {
    const { findingId, actionId } = await givenPlannedAction(t.http);
    const mistake = await t.http
      .post(`/api/findings/${findingId}/actions`)
      .send({ title: 'Planned twice' })
      .expect(201);
    await t.http.post(`/api/actions/${actionId}/assign`).send({ ownerId: t.users.owner.userId }).expect(200);
    await t.users.owner.http.post(`/api/actions/${actionId}/complete`).send({ summary: 'Done' }).expect(200);
    await t.http.post(`/api/actions/${actionId}/verify`).send({}).expect(200);
    expect((await t.http.get(`/api/findings/${findingId}`)).body.status).toBe('open');

    await t.http
      .post(`/api/actions/${mistake.body.id}/withdraw`)
      .send({ reason: 'Planned twice by mistake' })
      .expect(200);
    await waitForStatus(findingId, 'resolved');
    const withdrawn = await t.http.get(`/api/actions/${mistake.body.id}`).expect(200);
    expect(withdrawn.body).toMatchObject({
      status: 'withdrawn',
      withdrawal: { reason: 'Planned twice by mistake' },
    });
    await t.http
      .post(`/api/actions/${mistake.body.id}/assign`)
      .send({ ownerId: t.users.owner.userId })
      .expect(409);
    expect((await trailOf(`action-${mistake.body.id}`)).at(-1)).toMatchObject({
      type: 'ActionWithdrawn',
      why: 'Planned twice by mistake',
    });
  });

  it('a finding typed wrongly is amended, before → after in the trail; an action is retitled', async () => {
    const { findingId, actionId } = await givenPlannedAction(t.http);
    await t.http
      .post(`/api/findings/${findingId}/amend`)
      .send({ category: 'area_for_development', timescale: 'within_6_months', reason: 'Misread the letter' })
      .expect(200);
    const finding = await t.http.get(`/api/findings/${findingId}`).expect(200);
    expect(finding.body).toMatchObject({ category: 'area_for_development', timescale: 'within_6_months' });
    await t.http
      .post(`/api/findings/${findingId}/amend`)
      .send({ category: 'area_for_development', reason: 'x' })
      .expect(409);
    await t.http
      .post(`/api/findings/${findingId}/amend`)
      .send({ category: 'nonsense', reason: 'x' })
      .expect(400);

    await t.http
      .patch(`/api/actions/${actionId}`)
      .send({ title: 'Audit every contact since October', reason: 'Clearer' })
      .expect(200);
    expect((await t.http.get(`/api/actions/${actionId}`)).body.title).toBe(
      'Audit every contact since October',
    );
    const history = await t.http.get(`/api/actions/${actionId}/history`).expect(200);
    expect(history.body.at(-1)).toMatchObject({
      type: 'ActionAmended',
      data: { previous: { title: 'Audit every contact received in October' } },
      why: 'Clearer',
    });
    const amended = (await trailOf(`finding-${findingId}`)).find((entry) => entry.type === 'FindingAmended');
    expect(amended).toMatchObject({ type: 'FindingAmended', why: 'Misread the letter' });
  });

  it('an inspection recorded twice is withdrawn and takes no more findings; planning on a strength is refused', async () => {
    const twice = await t.http.post('/api/inspections').send(inspectionBody).expect(201);
    await t.http
      .post(`/api/inspections/${twice.body.id}/withdraw`)
      .send({ reason: 'Recorded twice' })
      .expect(200);
    await t.http.post(`/api/inspections/${twice.body.id}/withdraw`).send({ reason: 'Again' }).expect(409);
    const inspection = await t.http.get(`/api/inspections/${twice.body.id}`).expect(200);
    expect(inspection.body).toMatchObject({ status: 'withdrawn', withdrawal: { reason: 'Recorded twice' } });
    await t.http
      .post(`/api/inspections/${twice.body.id}/findings`)
      .send({ category: 'priority_action', text: 'Anything' })
      .expect(409);

    const other = await t.http.post('/api/inspections').send(inspectionBody).expect(201);
    const strength = await t.http
      .post(`/api/inspections/${other.body.id}/findings`)
      .send({ category: 'strength', text: 'Thresholds are well understood.' })
      .expect(201);
    const findingId = strength.body.id as string;
    const refused = await t.http
      .post(`/api/findings/${findingId}/actions`)
      .send({ title: 'Keep it up' })
      .expect(409);
    expect(refused.body.message).toMatch(/needs no action/);
  });

  it("counts an old letter's timescale from the letter, so its actions are born overdue", async () => {
    const { actionId } = await givenOverdueAction(t);
    expect((await t.http.get(`/api/actions/${actionId}`)).body.dueDate).toBe('2010-04-20');
  });
});
