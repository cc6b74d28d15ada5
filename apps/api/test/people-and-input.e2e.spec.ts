import { secretTokenHash, UserAdministration, UserDirectory } from '@actionledger/auth';
import { verifyEventLog } from '@actionledger/audit';
import { operatorContext } from '@actionledger/command-handling';
import { givenPlannedAction, inspectionBody, startTestApp, type TestApp } from './test-app';

/** The whole log as text, to show what is and is not in it. */
const logText = async (t: TestApp) =>
  JSON.stringify((await t.store.readAll()).map(({ position: _position, ...event }) => event));

describe('who is signed in', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('answers 401, and appends nothing, for no token, a malformed one, an unknown one and a revoked one', async () => {
    const before = await t.eventCount();
    await t.anonymous.post('/api/inspections').send(inspectionBody).expect(401);
    await t.anonymous.get('/api/me').set('Authorization', 'Bearer').expect(401);
    await t.anonymous.get('/api/me').set('Authorization', 'Basic dXNlcjpwYXNz').expect(401);
    const unknown = await t.anonymous
      .get('/api/me')
      .set('Authorization', 'Bearer alt_notarealtoken0000000000')
      .expect(401);
    expect(JSON.stringify(unknown.body)).not.toContain('alt_notarealtoken');

    const administration = t.app.get(UserAdministration);
    const { tokenId, token } = await administration.issueToken(t.users.board.userId, operatorContext());
    await t.anonymous.get('/api/me').set('Authorization', `Bearer ${token}`).expect(200);
    await administration.revokeToken(t.users.board.userId, tokenId, operatorContext());
    await t.anonymous.get('/api/me').set('Authorization', `Bearer ${token}`).expect(401);
    expect(await t.eventCount()).toBe(before + 2);
  });

  it('keeps only the hash of a token in the log', async () => {
    const log = await logText(t);
    expect(log).not.toContain(t.users.lead.token);
    expect(log).toContain(secretTokenHash(t.users.lead.token));
  });

  it('lets no one raise their own roles or disable themselves', async () => {
    const before = await t.eventCount();
    const own = await t.users.admin.http
      .post(`/api/users/${t.users.admin.userId}/roles`)
      .send({ roles: ['admin', 'lead'] })
      .expect(403);
    expect(own.body.message).toMatch(/cannot change your own roles/);
    await t.users.admin.http.post(`/api/users/${t.users.admin.userId}/disable`).expect(403);
    await t.users.lead.http
      .post(`/api/users/${t.users.lead.userId}/roles`)
      .send({ roles: ['admin'] })
      .expect(403);
    expect(await t.eventCount()).toBe(before);
  });

  it('refuses an owner of another organisation, or no user at all, as the owner of an action', async () => {
    const { actionId } = await givenPlannedAction(t.http);
    const before = await t.eventCount();
    for (const ownerId of [t.users.otherOwner.userId, 'jo.bloggs']) {
      const refused = await t.http.post(`/api/actions/${actionId}/assign`).send({ ownerId }).expect(400);
      expect(refused.body.message).toMatch(/ownerId must name an active user of your organisation/);
    }
    expect(await t.eventCount()).toBe(before);
  });
});

describe('bad input', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('trims text before it is validated: a whitespace-only authority or reason is a 400, nothing stored', async () => {
    const before = await t.eventCount();
    const blank = await t.http
      .post('/api/inspections')
      .send({ ...inspectionBody, authority: '   ' })
      .expect(400);
    expect(blank.body.fields).toHaveProperty('authority');
    const recorded = await t.http
      .post('/api/inspections')
      .send({ ...inspectionBody, authority: '  Durham County Council ' });
    expect((await t.http.get(`/api/inspections/${recorded.body.id}`)).body.authority).toBe(
      'Durham County Council',
    );
    expect(await t.eventCount()).toBe(before + 1);
  });

  it('refuses control characters and bidirectional overrides in names and ids with a 400', async () => {
    const { findingId } = await givenPlannedAction(t.http);
    const before = await t.eventCount();
    const bidi = await t.http
      .post(`/api/findings/${findingId}/actions`)
      .send({ title: 'Audit \u202Egnp.exe' })
      .expect(400);
    expect(bidi.body.fields).toHaveProperty('title');
    await t.http.post(`/api/findings/${findingId}/actions`).send({ title: 'Audit\u0000' }).expect(400);
    await t.http.get('/api/actions/abc%00def').expect(400);
    expect(await t.eventCount()).toBe(before);
  });

  it('keeps an uploaded file name in UTF-8', async () => {
    const letter = 'Ofsted inspection of Redcar children’s services';
    const response = await t.http.post('/api/letters').attach('file', Buffer.from(letter), {
      filename: 'Lettre d’inspection — Redcar.txt',
      contentType: 'text/plain',
    });
    // Whether or not the text reads as a letter, the name it was sent under is kept as sent.
    if (response.status === 201) expect(response.body.fileName).toBe('Lettre d’inspection — Redcar.txt');
    else expect(JSON.stringify(response.body)).not.toMatch(/â€/);
  });
});

describe('erasing a person', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('shows them as "erased user" everywhere, stops their tokens, and leaves the chain verifiable', async () => {
    const { actionId } = await givenPlannedAction(t.http);
    await t.http.post(`/api/actions/${actionId}/assign`).send({ ownerId: t.users.owner.userId }).expect(200);
    await t.users.owner.http.post(`/api/actions/${actionId}/progress`).send({ note: 'Started' }).expect(200);
    const named = await t.http.get(`/api/actions/${actionId}/history`).expect(200);
    expect(named.body[2].who).toEqual({ userId: t.users.owner.userId, name: 'Test owner', role: 'owner' });

    await t.app.get(UserAdministration).erase(t.users.owner.userId, operatorContext());

    await t.users.owner.http.get('/api/me').expect(401);
    const history = await t.http.get(`/api/actions/${actionId}/history`).expect(200);
    expect(history.body[2].who.name).toBe('erased user');
    expect(history.body[1].changes.owner).toEqual({ before: null, after: 'erased user' });
    const users = await t.users.admin.http.get('/api/users').expect(200);
    expect(users.body.map((user: { id: string }) => user.id)).not.toContain(t.users.owner.userId);
    expect(await logText(t)).not.toContain('owner@example.org');
    expect(await t.app.get(UserDirectory).userByEmail('owner@example.org')).toBeNull();
    expect((await verifyEventLog(t.store)).broken).toBeUndefined();
  });
});

describe('the audit trail for people', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('says who, when, what changed and why, for the caller’s organisation only, as JSON or CSV', async () => {
    const { actionId } = await givenPlannedAction(t.http);
    await t.http
      .post(`/api/actions/${actionId}/assign`)
      .send({ ownerId: t.users.owner.userId, dueDate: '2027-01-31' });
    await t.http
      .post(`/api/actions/${actionId}/reschedule`)
      .send({ dueDate: '2027-03-31', reason: 'Two auditors off sick' });
    await givenPlannedAction(t.users.otherLead.http);

    const trail = await t.users.board.http.get(`/api/audit?stream=action-${actionId}`).expect(200);
    expect(trail.body.map((entry: { type: string }) => entry.type)).toEqual([
      'ActionPlanned',
      'ActionAssigned',
      'ActionRescheduled',
    ]);
    expect(trail.body[2]).toMatchObject({
      who: { userId: t.users.lead.userId, name: 'Test lead', role: 'lead' },
      changes: { dueDate: { before: '2027-01-31', after: '2027-03-31' } },
      why: 'Two auditors off sick',
    });
    const all = await t.users.board.http.get('/api/audit').expect(200);
    expect(
      all.body.some((entry: { who: { userId: string } }) => entry.who.userId === t.users.otherLead.userId),
    ).toBe(false);
    await t.users.board.http.get('/api/audit?from=2026-12-01&to=2026-11-01').expect(400);
    await t.users.board.http.get('/api/audit?stream=../etc').expect(400);

    const csv = await t.users.board.http
      .get(`/api/actions/${actionId}/history`)
      .set('Accept', 'text/csv')
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe('position,occurredAt,stream,revision,event,who,role,changes,why,hash');
    expect(lines[3]).toContain('dueDate: 2027-01-31 → 2027-03-31');
    expect(lines[3]).toContain('Two auditors off sick');
  });
});
