import { inspectionStreamId } from '@actionledger/domain';
import { givenPlannedAction, inspectionBody, startTestApp, type TestApp } from './test-app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** One sample of the exposition text, e.g. `actionledger_commands_total{type="RecordInspection",outcome="accepted"}`. */
function sample(metrics: string, name: string, labels: Record<string, string>): number | undefined {
  const line = metrics
    .split('\n')
    .find(
      (candidate) =>
        candidate.startsWith(`${name}{`) &&
        Object.entries(labels).every(([label, value]) => candidate.includes(`${label}="${value}"`)),
    );
  return line === undefined ? undefined : Number(line.split(' ').at(-1));
}

describe('what an operator watches', () => {
  let t: TestApp;
  afterEach(() => t.close());

  describe('with the embedded defaults', () => {
    beforeEach(async () => (t = await startTestApp()));

    it('answers /ready, /metrics and /health to anyone, and keeps /ready and /metrics out of the OpenAPI document', async () => {
      const ready = await t.anonymous.get('/ready').expect(200);
      expect(ready.body).toEqual({
        status: 'ready',
        notReady: [],
        checks: {
          eventStore: 'up',
          redis: 'up',
          projectionLag: expect.objectContaining({ plans: expect.any(Number) }),
          shuttingDown: false,
        },
      });
      const metrics = await t.anonymous.get('/metrics').expect(200);
      expect(metrics.headers['content-type']).toMatch(/^text\/plain/);
      expect(metrics.text).toContain('actionledger_projection_lag_events{consumer="plans"');
      expect(metrics.text).toMatch(/actionledger_reminders_queue_jobs\{state="delayed"/);
      await t.anonymous.get('/health').expect(200);
      const docs = await t.anonymous.get('/api/docs/openapi.json').expect(200);
      expect(Object.keys(docs.body.paths)).not.toEqual(expect.arrayContaining(['/ready']));
      expect(Object.keys(docs.body.paths)).not.toEqual(expect.arrayContaining(['/metrics']));
    });

    it('counts commands by type and outcome, appends, and HTTP latency by route pattern', async () => {
      const appendsBefore = sample(
        (await t.anonymous.get('/metrics').expect(200)).text,
        'actionledger_append_duration_seconds_count',
        {},
      )!;
      const { actionId } = await givenPlannedAction(t.http);
      await t.http.post('/api/inspections').send(inspectionBody).expect(201);
      await t.users.owner.http
        .post(`/api/actions/${actionId}/complete`)
        .send({ summary: 'Done' })
        .expect(409);
      await t.http.post(`/api/actions/${crypto.randomUUID()}/progress`).send({ note: 'Nothing' }).expect(404);
      const metrics = (await t.anonymous.get('/metrics').expect(200)).text;

      const commands = (labels: Record<string, string>) =>
        sample(metrics, 'actionledger_commands_total', labels);
      expect(commands({ type: 'RecordInspection', outcome: 'accepted' })).toBe(2);
      expect(commands({ type: 'PlanAction', outcome: 'accepted' })).toBe(1);
      expect(commands({ type: 'CompleteAction', outcome: 'refused' })).toBe(1);
      expect(commands({ type: 'RecordProgress', outcome: 'not_found' })).toBe(1);
      // Four accepted commands appended (inspection, finding, action, inspection); the refused ones reached none.
      expect(sample(metrics, 'actionledger_append_duration_seconds_count', {})! - appendsBefore).toBe(4);
      const route = (pattern: string, status: string) =>
        sample(metrics, 'actionledger_http_request_duration_seconds_count', { route: pattern, status });
      expect(route('/api/inspections', '201')).toBe(2);
      expect(route('/api/actions/:id/complete', '409')).toBe(1);
      expect(metrics).not.toContain(actionId);
    });

    it("gives every response an X-Request-Id: the caller's when it is a plain token, else a new one", async () => {
      const given = await t.anonymous.get('/health').set('X-Request-Id', 'lb-7f3a.42').expect(200);
      expect(given.headers['x-request-id']).toBe('lb-7f3a.42');
      const made = await t.anonymous.get('/health').expect(200);
      expect(made.headers['x-request-id']).toMatch(UUID);
      const refused = await t.anonymous.get('/health').set('X-Request-Id', 'a b\tc').expect(200);
      expect(refused.headers['x-request-id']).toMatch(UUID);
    });

    it("records the request's id as the causation (and, without X-Correlation-Id, correlation) of its events", async () => {
      const created = await t.http
        .post('/api/inspections')
        .set('X-Request-Id', 'request-for-the-trail')
        .send(inspectionBody)
        .expect(201);
      const [event] = await t.store.readStream(inspectionStreamId(created.body.id));
      expect(event.metadata).toMatchObject({
        causationId: 'request-for-the-trail',
        correlationId: 'request-for-the-trail',
      });
    });
  });

  it('is not ready while a projection is further behind the log than READY_MAX_LAG, and says which', async () => {
    t = await startTestApp(undefined, undefined, { PROJECTIONS: 'off', READY_MAX_LAG: '1' });
    await t.http.post('/api/inspections').send(inspectionBody).expect(201);
    await t.http.post('/api/inspections').send(inspectionBody).expect(201);
    const ready = await t.anonymous.get('/ready').expect(503);
    expect(ready.body.status).toBe('not_ready');
    expect(ready.body.notReady).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^projection plans is \d+ events behind \(at most 1\)$/),
      ]),
    );
  });
});
