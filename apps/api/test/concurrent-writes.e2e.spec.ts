import { givenPlannedAction, startTestApp, type TestApp } from './test-app';

describe('the same stale write sent many times at once', () => {
  let t: TestApp;
  beforeEach(async () => (t = await startTestApp()));
  afterEach(() => t.close());

  it('lets exactly one win; the others get 409 and append nothing', async () => {
    const { actionId } = await givenPlannedAction(t.http);
    await t.http.post(`/api/actions/${actionId}/assign`).send({ ownerId: t.users.owner.userId }).expect(200);
    const before = await t.eventCount();

    const responses = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        t.http
          .post(`/api/actions/${actionId}/progress`)
          .set('If-Match', '"1"')
          .send({ note: `writer ${i}` }),
      ),
    );

    const statuses = responses.map((response) => response.status).sort();
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(24);
    expect(await t.eventCount()).toBe(before + 1);
    const action = await t.http.get(`/api/actions/${actionId}`);
    expect(action.body.version).toBe(2);
  });

  it('without If-Match, every concurrent writer lands: none is lost', async () => {
    const { actionId } = await givenPlannedAction(t.http);
    await t.http.post(`/api/actions/${actionId}/assign`).send({ ownerId: t.users.owner.userId }).expect(200);

    const responses = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        t.http.post(`/api/actions/${actionId}/progress`).send({ note: `note ${i}` }),
      ),
    );

    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200]);
    const history = await t.http.get(`/api/actions/${actionId}/history`);
    const notes = history.body.filter((event: { type: string }) => event.type === 'ProgressRecorded');
    expect(notes.map((event: { data: { note: string } }) => event.data.note).sort()).toEqual([
      'note 0',
      'note 1',
      'note 2',
      'note 3',
    ]);
  });
});

describe('many writes to one action from one process at once, without If-Match', () => {
  let t: TestApp;
  beforeEach(async () => (t = await startTestApp()));
  afterEach(() => t.close());

  it('queues them: all 200 land, each once, in one unbroken stream', async () => {
    const { actionId } = await givenPlannedAction(t.http);
    await t.http.post(`/api/actions/${actionId}/assign`).send({ ownerId: t.users.owner.userId }).expect(200);

    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        t.http.post(`/api/actions/${actionId}/progress`).send({ note: `note ${i}` }),
      ),
    );

    expect(responses.filter((response) => response.status !== 200)).toEqual([]);
    const versions = responses.map((response) => response.body.version as number).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: 200 }, (_, i) => i + 2));
    const action = await t.http.get(`/api/actions/${actionId}`).expect(200);
    expect(action.body.progressNotes).toBe(200);
  });
});
