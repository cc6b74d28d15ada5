import { givenPlannedAction, inspectionBody, startTestApp, type TestApp } from './test-app';

describe('an action carried from finding to resolution', () => {
  let t: TestApp;
  beforeEach(async () => (t = await startTestApp()));
  afterEach(() => t.close());

  it('records an inspection and reads it back with its version', async () => {
    const created = await t.http.post('/api/inspections').send(inspectionBody).expect(201);
    expect(created.body).toEqual({ id: expect.any(String), position: expect.any(Number) });

    const read = await t.http.get(`/api/inspections/${created.body.id}`).expect(200);
    expect(read.headers.etag).toBe('"0"');
    expect(read.body).toMatchObject({
      id: created.body.id,
      authority: 'Durham County Council',
      inspectionDates: ['2026-10-20', '2026-10-21'],
      letterDate: '2026-10-30',
      overallJudgement: null,
      version: 0,
    });
  });

  it("assigns an owner with the due date the finding's timescale gives", async () => {
    const { findingId, actionId } = await givenPlannedAction(t.http, { timescale: 'within_3_months' });
    const finding = await t.http.get(`/api/findings/${findingId}`).expect(200);
    expect(finding.body).toMatchObject({
      status: 'open',
      category: 'priority_action',
      timescale: 'within_3_months',
    });

    const assigned = await t.http
      .post(`/api/actions/${actionId}/assign`)
      .send({ ownerId: t.users.owner.userId })
      .expect(200);
    expect(assigned.body).toEqual({ id: actionId, position: expect.any(Number), version: 1 });

    const action = await t.http.get(`/api/actions/${actionId}`).expect(200);
    expect(action.headers.etag).toBe('"1"');
    expect(action.body).toMatchObject({
      status: 'assigned',
      ownerId: t.users.owner.userId,
      dueDate: '2027-01-30', // three months from the letter's date, 2026-10-30
      findingId,
    });
  });

  it('resolves the finding once every action is verified, and then refuses to reopen them', async () => {
    const { findingId, actionId } = await givenPlannedAction(t.http);
    const second = await t.http
      .post(`/api/findings/${findingId}/actions`)
      .send({ title: 'Train the front door team' });
    for (const id of [actionId, second.body.id]) {
      await t.http
        .post(`/api/actions/${id}/assign`)
        .send({ ownerId: t.users.owner.userId, dueDate: '2026-12-01' })
        .expect(200);
      const owner = t.users.owner.http;
      await owner.post(`/api/actions/${id}/progress`).send({ note: 'Under way' }).expect(200);
      await owner
        .post(`/api/actions/${id}/complete`)
        .send({ summary: 'Done', evidence: ['report.pdf'] })
        .expect(200);
    }
    await t.http.post(`/api/actions/${actionId}/verify`).send({ note: 'Checked' }).expect(200);
    expect((await t.http.get(`/api/findings/${findingId}`)).body.status).toBe('open');

    await t.http.post(`/api/actions/${second.body.id}/verify`).send({}).expect(200);
    const resolved = await waitFor(async () => {
      const finding = await t.http.get(`/api/findings/${findingId}`);
      return finding.body.status === 'resolved' ? finding.body : null;
    });
    expect(resolved.resolvedAt).toBe('2026-11-02T09:00:00.000Z');

    // Each action planned is recorded on the finding too, so that a resolution decided meanwhile must retry.
    const findingEvents = [
      'FindingRaised',
      'ActionAddedToFinding',
      'ActionAddedToFinding',
      'FindingResolved',
    ];
    const history = await t.store.readStream(`finding-${findingId}`);
    expect(history.map((event) => event.type)).toEqual(findingEvents);
    expect(history[3].metadata.actor).toEqual({
      userId: 'system:finding-resolution',
      role: 'system',
      organisationId: t.users.lead.organisationId,
    });

    t = await t.restart(); // the process goes on from its checkpoint: it must not resolve the finding again
    await new Promise((settle) => setTimeout(settle, 300));
    expect((await t.store.readStream(`finding-${findingId}`)).map((event) => event.type)).toEqual(
      findingEvents,
    );

    const reopen = await t.http
      .post(`/api/actions/${actionId}/reopen`)
      .send({ reason: 'Evidence missing' })
      .expect(409);
    expect(reopen.body.message).toMatch(/finding this action serves is resolved/);
    await t.http.post(`/api/findings/${findingId}/actions`).send({ title: 'One more' }).expect(409);
  });

  it('keeps every step in the history, oldest first, with who, when and why', async () => {
    const { actionId } = await givenPlannedAction(t.http);
    await t.http
      .post(`/api/actions/${actionId}/assign`)
      .set('X-Correlation-Id', 'corr-42')
      .send({ ownerId: t.users.owner.userId, dueDate: '2026-12-01' })
      .expect(200);
    t.clock.set('2026-11-05T10:00:00.000Z');
    await t.http
      .post(`/api/actions/${actionId}/reschedule`)
      .send({ dueDate: '2027-01-15', reason: 'Two auditors off sick' })
      .expect(200);

    const history = await t.http.get(`/api/actions/${actionId}/history`).expect(200);
    expect(history.body.map((event: { type: string }) => event.type)).toEqual([
      'ActionPlanned',
      'ActionAssigned',
      'ActionRescheduled',
    ]);
    const [, assigned, rescheduled] = history.body;
    expect(assigned.metadata).toMatchObject({
      actor: { userId: t.users.lead.userId, role: 'lead', organisationId: t.users.lead.organisationId },
      correlationId: 'corr-42',
      causationId: expect.any(String),
      occurredAt: '2026-11-02T09:00:00.000Z',
    });
    expect(rescheduled.metadata).toMatchObject({
      occurredAt: '2026-11-05T10:00:00.000Z',
      reason: 'Two auditors off sick',
    });
    expect(rescheduled.data).toMatchObject({ previousDueDate: '2026-12-01', dueDate: '2027-01-15' });
    expect(history.body.map((event: { version: number }) => event.version)).toEqual([0, 1, 2]);
  });
});

async function waitFor<T>(probe: () => Promise<T | null>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error('Timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
