import { Redis } from 'ioredis';
import request from 'supertest';
import { UserAdministration } from '@actionledger/auth';
import { operatorContext } from '@actionledger/command-handling';
import { APP_CONFIG, type AppConfig } from '../../src/config/app-config';
import { inspectionBody, startTestApp, type TestApp } from '../test-app';
import { csrfTokenIn, emailOf, givenPassword, signedInAgent, TEST_PASSWORD } from './web-session';

const REFUSAL = 'Enter a correct email address and password';

async function sessionKeys(t: TestApp): Promise<string[]> {
  const redis = new Redis();
  try {
    return await redis.keys(`${t.app.get<AppConfig>(APP_CONFIG).session.keyPrefix}:session:*`);
  } finally {
    redis.disconnect();
  }
}

/** One sign-in from a fresh browser: the form's page first, for its CSRF token, then the post. */
async function attempt(t: TestApp, email: string, password: string, status: number, from?: string) {
  const agent = request.agent(t.app.getHttpServer());
  const page = await agent.get('/sign-in').expect(200);
  return agent
    .post('/sign-in')
    .set(from ? { 'X-Forwarded-For': from } : {})
    .type('form')
    .send({ email, password, _csrf: csrfTokenIn(page.text) })
    .expect(status);
}

describe('Web sign-in, sessions and CSRF', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await givenPassword(t, 'lead');
    await givenPassword(t, 'owner');
    await givenPassword(t, 'secondOwner');
  });
  afterAll(() => t.close());

  it('signs in with email and password into an HttpOnly, SameSite=Lax session cookie that the API accepts too', async () => {
    const page = await request(t.app.getHttpServer()).get('/sign-in').expect(200);
    const csrfCookie = page.headers['set-cookie'];
    const signIn = await request(t.app.getHttpServer())
      .post('/sign-in')
      .set('Cookie', csrfCookie)
      .type('form')
      .send({ email: emailOf('lead').toUpperCase(), password: TEST_PASSWORD, _csrf: csrfTokenIn(page.text) })
      .expect(303)
      .expect('Location', '/');
    const session = (signIn.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith('actionledger_session='),
    )!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).toMatch(/Path=\//);
    expect(session).not.toMatch(/Secure/); // PUBLIC_URL is http here
    const cookie = session.split(';')[0];
    const me = await request(t.app.getHttpServer()).get('/api/me').set('Cookie', cookie).expect(200);
    expect(me.body).toMatchObject({ id: t.users.lead.userId });
    // Redis holds the session under the id's hash, never the id itself.
    const keys = await sessionKeys(t);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join()).not.toContain(cookie.split('=')[1]);
  });

  it.each([
    ['a wrong password', () => emailOf('lead'), 'not the password at all'],
    ['an unknown email', () => 'nobody@example.org', TEST_PASSWORD],
    ['a user who never set a password', () => emailOf('board'), TEST_PASSWORD],
  ])('refuses %s with the same sentence and no session', async (_, email, password) => {
    const answer = await attempt(t, email(), password, 401);
    expect(answer.text).toContain(REFUSAL);
    expect(String(answer.headers['set-cookie'] ?? '')).not.toContain('actionledger_session=');
  });

  it('refuses a disabled user, and ends the session they had', async () => {
    const { agent } = await signedInAgent(t, 'secondOwner');
    await agent.get('/').expect(200);
    await t.app.get(UserAdministration).disable(t.users.secondOwner.userId, operatorContext());
    await agent.get('/').expect(303).expect('Location', '/sign-in');
    expect((await attempt(t, emailOf('secondOwner'), TEST_PASSWORD, 401)).text).toContain(REFUSAL);
  });

  it('names each empty field', async () => {
    const answer = await attempt(t, '', '', 400);
    expect(answer.text).toContain('Enter your email address');
    expect(answer.text).toContain('Enter your password');
  });

  it('refuses a cookie-authenticated write without the CSRF token, or with a forged one, and appends nothing', async () => {
    const { agent, csrfToken } = await signedInAgent(t, 'lead');
    const before = await t.eventCount();
    await agent.post('/api/inspections').send(inspectionBody).expect(403);
    await agent.post('/api/inspections').set('x-csrf-token', 'forged.token').send(inspectionBody).expect(403);
    const stranger = await request(t.app.getHttpServer()).get('/sign-in');
    await agent
      .post('/api/inspections')
      .set('x-csrf-token', csrfTokenIn(stranger.text))
      .send(inspectionBody)
      .expect(403);
    expect(await t.eventCount()).toBe(before);
    // (The token first: an agent attaches its cookies when a request is made, not when it is sent.)
    const token = await csrfToken();
    await agent.post('/api/inspections').set('x-csrf-token', token).send(inspectionBody).expect(201);
    // A bearer-token call needs no CSRF token: a browser never adds that header for another site.
    await t.http.post('/api/inspections').send(inspectionBody).expect(201);
  });

  it('refuses a sign-in form posted without its CSRF token', async () => {
    await request(t.app.getHttpServer())
      .post('/sign-in')
      .type('form')
      .send({ email: emailOf('lead'), password: TEST_PASSWORD })
      .expect(403);
  });

  it('signs out by destroying the session in Redis: the old cookie no longer works', async () => {
    const { agent, csrfToken } = await signedInAgent(t, 'owner');
    const token = await csrfToken();
    const cookie = agent.jar.getCookie('actionledger_session', {
      path: '/',
      domain: '127.0.0.1',
      secure: false,
      script: false,
    });
    await agent
      .post('/sign-out')
      .type('form')
      .send({ _csrf: token })
      .expect(303)
      .expect('Location', '/signed-out');
    expect(cookie).toBeDefined();
    await request(t.app.getHttpServer())
      .get('/api/me')
      .set('Cookie', `actionledger_session=${cookie!.value}`)
      .expect(401);
  });

  it('sets a password from an invitation link, once', async () => {
    const administration = t.app.get(UserAdministration);
    const { invitationToken } = await administration.invite(t.users.board.userId, operatorContext());
    const agent = request.agent(t.app.getHttpServer());
    await agent.get('/set-password?token=ali_not-a-real-invitation').expect(410);
    const page = await agent.get(`/set-password?token=${invitationToken}`).expect(200);
    const form = { token: invitationToken, _csrf: csrfTokenIn(page.text) };
    const short = await agent
      .post('/set-password')
      .type('form')
      .send({ ...form, password: 'short', confirmPassword: 'short' });
    expect(short.status).toBe(400);
    expect(short.text).toContain('Password must be 12 characters or more');
    const mismatch = await agent
      .post('/set-password')
      .type('form')
      .send({ ...form, password: 'a long enough password', confirmPassword: 'another one entirely' })
      .expect(400);
    expect(mismatch.text).toContain('Passwords must match');
    await agent
      .post('/set-password')
      .type('form')
      .send({ ...form, password: 'board password 2026', confirmPassword: 'board password 2026' })
      .expect(200);
    await agent
      .post('/set-password')
      .type('form')
      .send({ ...form, password: 'board password 2027', confirmPassword: 'board password 2027' })
      .expect(410);
    await signedInAgent(t, 'board', 'board password 2026');
  });

  it('answers an unknown page with a GOV.UK 404 page, and an unknown API route with JSON', async () => {
    const page = await request(t.app.getHttpServer()).get('/no-such-page').expect(404);
    expect(page.text).toContain('Page not found');
    expect(page.text).toContain('govuk-template');
    const api = await request(t.app.getHttpServer()).get('/api/no-such-route').expect(404);
    expect(api.body).toMatchObject({ statusCode: 404 });
  });

  it('sends a Content-Security-Policy that runs no inline script, and lets no cache keep a page', async () => {
    const page = await request(t.app.getHttpServer()).get('/sign-in').expect(200);
    expect(page.headers['cache-control']).toBe('no-store');
    const policy = String(page.headers['content-security-policy']);
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    // Swagger UI's page keeps its inline styles, and still runs no inline script.
    const docs = String(
      (await request(t.app.getHttpServer()).get('/api/docs/')).headers['content-security-policy'],
    );
    expect(docs).toContain("style-src 'self' 'unsafe-inline'");
    expect(docs).toContain("script-src 'self';");
  });
});

describe('Sign-in attempts are rate-limited', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('per account: the 11th attempt in 15 minutes is a 429, as a page or as JSON', async () => {
    for (let i = 0; i < 10; i++) await attempt(t, emailOf('lead'), 'wrong', 401);
    const page = await attempt(t, emailOf('lead'), TEST_PASSWORD, 429);
    expect(page.text).toContain('Too many attempts to sign in');
    const agent = request.agent(t.app.getHttpServer());
    const form = await agent.get('/sign-in');
    const json = await agent
      .post('/sign-in')
      .set('Accept', 'application/json')
      .type('form')
      .send({ email: ` ${emailOf('lead').toUpperCase()} `, password: 'x', _csrf: csrfTokenIn(form.text) })
      .expect(429);
    expect(json.body.message).toContain('Too many attempts');
    // Another account from the same address is still let through (its own count, under the address's limit).
    await attempt(t, emailOf('owner'), 'wrong', 401);
  });
});

describe('Sign-in attempts per address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(undefined, undefined, { SIGN_IN_LIMIT_PER_ADDRESS: '3', TRUST_PROXY: 'loopback' });
  });
  afterAll(() => t.close());

  it('stops one address trying many accounts; behind a trusted proxy, each client has its own count', async () => {
    for (const name of ['lead', 'owner', 'board'] as const) {
      await attempt(t, emailOf(name), 'wrong', 401, '203.0.113.7');
    }
    const page = await attempt(t, emailOf('admin'), 'wrong', 429, '203.0.113.7');
    expect(page.text).toContain('Too many attempts to sign in');
    expect(page.headers['retry-after']).toBeDefined();
    await attempt(t, emailOf('admin'), 'wrong', 401, '198.51.100.2');
  });
});
