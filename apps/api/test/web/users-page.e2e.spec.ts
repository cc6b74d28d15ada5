import { startTestApp, type TestApp } from '../test-app';
import { csrfTokenIn, givenPassword, signedInAgent, type BrowserAgent } from './web-session';

/** `/users` (admin): the organisation's people, invited, given roles and disabled through POST forms. */
describe('Users page', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    for (const name of ['lead', 'board', 'admin', 'otherAdmin'] as const) await givenPassword(t, name);
  });
  afterAll(() => t.close());

  const tokenOf = async (agent: BrowserAgent) => csrfTokenIn((await agent.get('/users').expect(200)).text);

  /**
   * A form post carrying a token. Read the token before the post is made (as an argument): a supertest agent
   * sends the cookies it held when the request was created, and reading a page renews the CSRF cookie.
   */
  const formPost = (
    agent: BrowserAgent,
    path: string,
    fields: string | Record<string, string>,
    token: string,
  ) =>
    agent
      .post(path)
      .type('form')
      .send(
        typeof fields === 'string'
          ? `${fields}&_csrf=${encodeURIComponent(token)}`
          : { ...fields, _csrf: token },
      );

  it("lists the organisation's people with their roles, and none of another organisation's", async () => {
    const { agent } = await signedInAgent(t, 'admin');
    const page = (await agent.get('/users').expect(200)).text;
    expect(page).toContain('Test owner');
    expect(page).toContain('owner@example.org');
    expect(page).toMatch(/Disable<span class="govuk-visually-hidden"> Test owner<\/span>/);
    expect(page).toContain(`action="/users/${t.users.owner.userId}/roles"`);
    expect(page).toContain(`action="/users/${t.users.owner.userId}/disable"`);
    expect(page).not.toContain(`action="/users/${t.users.admin.userId}/disable"`); // not oneself
    expect(page).not.toContain(t.users.otherOwner.userId);
    expect(page).toMatch(/govuk-service-navigation__item--active[^]*?href="\/users"/);
  });

  it('invites someone and shows the invitation link once; the link opens the set-password page', async () => {
    const { agent } = await signedInAgent(t, 'admin');
    const before = await t.eventCount();
    const invited = await formPost(
      agent,
      '/users',
      'name=Sam+Patel&email=sam.patel%40example.org&roles=owner&roles=board',
      await tokenOf(agent),
    ).expect(201);
    expect(invited.text).toContain('Invitation made');
    const link = /<code class="app-digest" id="invitation-link">([^<]+)<\/code>/.exec(invited.text)![1];
    expect(await t.eventCount()).toBe(before + 2); // registered, invited
    const path = new URL(link.replace(/&amp;/g, '&')).pathname + new URL(link.replace(/&amp;/g, '&')).search;
    const setPassword = await t.anonymous.get(path).expect(200);
    expect(setPassword.text).toContain('name="password"');
    const list = (await agent.get('/users').expect(200)).text;
    expect(list).toContain('Sam Patel');
    expect(list).not.toContain(link); // shown once
    const users = (await t.users.admin.http.get('/api/users').expect(200)).body as {
      email: string;
      roles: string[];
    }[];
    expect(users.find((user) => user.email === 'sam.patel@example.org')!.roles.sort()).toEqual([
      'board',
      'owner',
    ]);
  });

  it('names what an invitation lacks, and refuses an email already in use, appending nothing', async () => {
    const { agent } = await signedInAgent(t, 'admin');
    const before = await t.eventCount();
    const blank = await formPost(agent, '/users', { name: '', email: 'nope' }, await tokenOf(agent)).expect(
      400,
    );
    expect(blank.text).toContain('<title>Error: Users');
    expect(blank.text).toContain('href="#name"');
    expect(blank.text).toContain('Enter an email address in the correct format');
    expect(blank.text).toContain('href="#roles"');
    const taken = await formPost(
      agent,
      '/users',
      {
        name: 'Again',
        email: 'owner@example.org',
        roles: 'owner',
      },
      await tokenOf(agent),
    ).expect(409);
    expect(taken.text).toContain('already exists');
    expect(taken.text).toContain('value="Again"');
    expect(await t.eventCount()).toBe(before);
  });

  it('changes a person’s roles and disables them', async () => {
    const { agent } = await signedInAgent(t, 'admin');
    await formPost(
      agent,
      `/users/${t.users.secondLead.userId}/roles`,
      'roles=lead&roles=board',
      await tokenOf(agent),
    )
      .expect(303)
      .expect('Location', '/users');
    let me = (await t.users.admin.http.get('/api/users').expect(200)).body as {
      id: string;
      roles: string[];
      status: string;
    }[];
    expect(me.find((user) => user.id === t.users.secondLead.userId)!.roles.sort()).toEqual(['board', 'lead']);
    const none = await formPost(
      agent,
      `/users/${t.users.secondLead.userId}/roles`,
      {},
      await tokenOf(agent),
    ).expect(400);
    expect(none.text).toContain(`href="#roles-${t.users.secondLead.userId}"`);
    await formPost(agent, `/users/${t.users.secondOwner.userId}/disable`, {}, await tokenOf(agent)).expect(
      303,
    );
    me = (await t.users.admin.http.get('/api/users').expect(200)).body;
    expect(me.find((user) => user.id === t.users.secondOwner.userId)!.status).toBe('disabled');
    const page = (await agent.get('/users').expect(200)).text;
    expect(page).not.toContain(`action="/users/${t.users.secondOwner.userId}/disable"`);
  });

  it('is for administrators only: a lead or board member gets no page, and a forged post appends nothing', async () => {
    const { agent: board, csrfToken } = await signedInAgent(t, 'board');
    await board.get('/users').expect(403);
    const before = await t.eventCount();
    await formPost(
      board,
      `/users/${t.users.owner.userId}/roles`,
      { roles: 'admin' },
      await csrfToken(),
    ).expect(403);
    await formPost(
      board,
      '/users',
      { name: 'Mallory', email: 'mallory@example.org', roles: 'admin' },
      await csrfToken(),
    ).expect(403);
    const { agent: lead } = await signedInAgent(t, 'lead');
    await lead.get('/users').expect(403);
    expect(await t.eventCount()).toBe(before);
  });

  it("is a 404 for another organisation's administrator, and refuses a post without the form's token", async () => {
    const { agent: other } = await signedInAgent(t, 'otherAdmin');
    const before = await t.eventCount();
    await formPost(other, `/users/${t.users.owner.userId}/disable`, {}, await tokenOf(other)).expect(404);
    await formPost(
      other,
      `/users/${t.users.owner.userId}/roles`,
      { roles: 'admin' },
      await tokenOf(other),
    ).expect(404);
    const { agent } = await signedInAgent(t, 'admin');
    const expired = await agent
      .post(`/users/${t.users.owner.userId}/disable`)
      .type('form')
      .send({})
      .expect(403);
    expect(expired.text).toContain('This form has expired');
    expect(await t.eventCount()).toBe(before);
  });
});
