import { actionStreamId, findingStreamId } from '@actionledger/domain';
import { inspectionBody, startTestApp, type TestApp } from './test-app';

/** Planning an action writes two streams at once: the action's, and its finding's ActionAddedToFinding. */
describe('planning an action on a finding', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('records the action on its finding in the same write, and a retry with the same Idempotency-Key writes nothing', async () => {
    const inspection = await t.http.post('/api/inspections').send(inspectionBody).expect(201);
    const finding = await t.http
      .post(`/api/inspections/${inspection.body.id}/findings`)
      .send({ category: 'priority_action', text: 'Screen every contact promptly.' })
      .expect(201);
    const plan = () =>
      t.http
        .post(`/api/findings/${finding.body.id}/actions`)
        .set('Idempotency-Key', 'plan-1')
        .send({ title: 'Audit the contacts' });
    const first = await plan().expect(201);
    const before = await t.eventCount();
    expect((await plan().expect(201)).body).toEqual(first.body);
    expect(await t.eventCount()).toBe(before);

    const findingEvents = await t.store.readStream(findingStreamId(finding.body.id));
    expect(findingEvents.map((event) => [event.type, event.data.actionId])).toEqual([
      ['FindingRaised', undefined],
      ['ActionAddedToFinding', first.body.id],
    ]);
    // One append: the finding's event follows the action's at once, and carries the same actor.
    const [planned] = await t.store.readStream(actionStreamId(first.body.id));
    expect(first.body.position).toBe(Number(planned.position));
    expect(findingEvents[1].position).toBe(planned.position + 1n);
    expect(findingEvents[1].metadata.actor).toMatchObject({ userId: t.users.lead.userId, role: 'lead' });
  });

  it('refuses a finding of another organisation with a 404, appending nothing', async () => {
    const inspection = await t.users.otherLead.http.post('/api/inspections').send(inspectionBody).expect(201);
    const theirs = await t.users.otherLead.http
      .post(`/api/inspections/${inspection.body.id}/findings`)
      .send({ category: 'priority_action', text: 'Theirs.' })
      .expect(201);
    const before = await t.eventCount();
    await t.http.post(`/api/findings/${theirs.body.id}/actions`).send({ title: 'Mine?' }).expect(404);
    expect(await t.eventCount()).toBe(before);
  });
});
