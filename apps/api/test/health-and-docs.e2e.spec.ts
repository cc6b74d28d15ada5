import { startTestApp, type TestApp } from './test-app';

describe('health and API docs', () => {
  let t: TestApp;
  beforeEach(async () => (t = await startTestApp()));
  afterEach(() => t.close());

  it("reports the event store's state and how far each projection is behind", async () => {
    const response = await t.http.get('/health').expect(200);
    expect(response.body).toEqual({
      status: 'ok',
      eventStore: expect.objectContaining({ status: 'up', adapter: 'sqlite' }),
      projections: expect.objectContaining({
        consumers: expect.arrayContaining([
          expect.objectContaining({ name: 'plans', lag: expect.any(Number) }),
        ]),
      }),
    });
  });

  it('serves the OpenAPI document with every route', async () => {
    const response = await t.http.get('/api/docs/openapi.json').expect(200);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/inspections',
        '/api/inspections/{id}',
        '/api/inspections/{inspectionId}/findings',
        '/api/findings/{id}',
        '/api/findings/{findingId}/actions',
        '/api/actions/{id}/assign',
        '/api/actions/{id}/reopen',
        '/api/actions/{id}/history',
      ]),
    );
  });
});
