import { UserAdministration } from '@actionledger/auth';
import { operatorContext } from '@actionledger/command-handling';
import request from 'supertest';
import type { TestApp, TestUserName } from '../test-app';

export const TEST_PASSWORD = 'correct horse battery staple';

/** The user sets a password the way a person does: from an invitation, through UserAdministration.setPassword. */
export async function givenPassword(
  t: TestApp,
  name: TestUserName,
  password = TEST_PASSWORD,
): Promise<string> {
  const administration = t.app.get(UserAdministration);
  const user = t.users[name];
  const { invitationToken } = await administration.invite(user.userId, operatorContext());
  await administration.setPassword(invitationToken, password, {
    ...operatorContext(),
    actor: { userId: user.userId, role: 'owner', organisationId: user.organisationId },
  });
  return password;
}

export function emailOf(name: TestUserName): string {
  return `${name.toLowerCase()}@example.org`;
}

const CSRF_INPUT = /<input type="hidden" name="_csrf" value="([^"]+)">/;

/** The CSRF token of a page's forms. */
export function csrfTokenIn(html: string): string {
  const match = CSRF_INPUT.exec(html);
  if (!match) throw new Error('The page has no form with a CSRF token.');
  return match[1];
}

export type BrowserAgent = ReturnType<typeof request.agent>;

/** A cookie-keeping agent (no Authorization header) signed in through the sign-in form, and the CSRF token. */
export async function signedInAgent(
  t: TestApp,
  name: TestUserName,
  password = TEST_PASSWORD,
): Promise<{ agent: BrowserAgent; csrfToken: () => Promise<string> }> {
  const agent = request.agent(t.app.getHttpServer());
  const page = await agent.get('/sign-in').expect(200);
  await agent
    .post('/sign-in')
    .type('form')
    .send({ email: emailOf(name), password, _csrf: csrfTokenIn(page.text) })
    .expect(303)
    .expect('Location', '/');
  return { agent, csrfToken: async () => csrfTokenIn((await agent.get('/').expect(200)).text) };
}
