import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UserAdministration } from '@actionledger/auth';
import { operatorContext } from '@actionledger/command-handling';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { givenOverdueAction } from '../test-app';
import {
  launchChromium,
  screenshot,
  seriousViolations,
  signIn,
  startBrowserApp,
  type BrowserApp,
} from './browser';
import { emailOf } from './web-session';

/**
 * The pages in Chromium against the real app listening on a port, with real Redis: each role's journey, the
 * refusals, one journey without JavaScript, axe on every page, and the screenshots `npm run screenshots` keeps.
 */
jest.setTimeout(60_000);

describe('The web pages in a browser', () => {
  let t: BrowserApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let overdue: { inspectionId: string; actionId: string; position: number };

  beforeAll(async () => {
    t = await startBrowserApp(['lead', 'owner', 'board']);
    overdue = await givenOverdueAction(t);
    await t.http.get(`/api/reports/overdue?after=${overdue.position}`).expect(200);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
    page = await context.newPage();
  });
  afterEach(() => context.close());

  async function expectAccessible(): Promise<void> {
    expect(await seriousViolations(page)).toEqual([]);
  }

  it('has an accessibility check that does catch a serious violation', async () => {
    await page.setContent(
      '<!doctype html><html lang="en"><title>Bad</title><main><input type="text"></main></html>',
    );
    expect((await seriousViolations(page)).map((violation) => violation.id)).toContain('label');
  });

  it('shows the sign-in page, and refuses a wrong password without saying whether the account exists', async () => {
    await page.goto(`${t.baseUrl}/sign-in`);
    await expectAccessible();
    await screenshot(page, t, 'sign-in');
    await page.getByLabel('Email address').fill(emailOf('lead'));
    await page.getByLabel('Password', { exact: true }).fill('not my password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'Enter a correct email address and password',
    );
    expect(page.url()).toBe(`${t.baseUrl}/sign-in`);
    expect(await page.title()).toMatch(/^Error: /);
    await expectAccessible();
    await screenshot(page, t, 'sign-in-refused');
  });

  it("signs a lead in to their home page: the overdue priority action, the plan's status and deadline", async () => {
    await signIn(page, t, 'lead');
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('Overdue priority actions');
    expect(main).toContain('Audit');
    expect(main).toContain('17 February 2010'); // the plan's deadline, 20 working days after the letter
    expect(await page.locator('header, .govuk-service-navigation').first().isVisible()).toBe(true);
    expect(await page.getByText('Test lead (Lead)').isVisible()).toBe(true);
    await expectAccessible();
    await screenshot(page, t, 'home-lead');
  });

  it('signs an owner in to their actions', async () => {
    await signIn(page, t, 'owner');
    expect(await page.getByRole('heading', { name: 'Your actions' }).isVisible()).toBe(true);
    expect(
      await page.getByRole('main').getByRole('link', { name: 'Audit', exact: true }).count(),
    ).toBeGreaterThan(0);
    await expectAccessible();
    await screenshot(page, t, 'home-owner');
  });

  it('signs a board member in to the plans and the overdue list, with no form that changes anything', async () => {
    await signIn(page, t, 'board');
    expect(await page.getByRole('heading', { name: 'Plans and progress' }).isVisible()).toBe(true);
    const forms = await page
      .locator('form')
      .evaluateAll((all) => all.map((form) => form.getAttribute('action')));
    expect(forms).toEqual(['/sign-out']);
    expect(await page.getByRole('link', { name: 'read the audit trail' }).isVisible()).toBe(true);
    await expectAccessible();
    await screenshot(page, t, 'home-board');
  });

  describe('a forged form on another page of the same site', () => {
    let attacker: Server;
    let attackerUrl: string;
    beforeAll(async () => {
      // Another port of 127.0.0.1 is the same site, so the SameSite=Lax cookie does go along: only the CSRF
      // token stands between the forged form and the write.
      attacker = createServer((request, response) => {
        const url = new URL(request.url ?? '/', 'http://attacker');
        const token = url.searchParams.get('token');
        response.setHeader('content-type', 'text/html');
        response.end(`<!doctype html><html lang="en"><title>Prize</title><body>
          <form method="post" action="${t.baseUrl}${url.searchParams.get('target')}">
            <input type="hidden" name="summary" value="Done, honestly">
            ${token === null ? '' : `<input type="hidden" name="_csrf" value="${token}">`}
            <button>Claim your prize</button>
          </form></body></html>`);
      });
      await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
      attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => attacker.close(() => resolve())));

    it.each([
      ['without a token', null],
      ['with a forged token', 'a1b2c3.d4e5f6'],
    ])('is refused %s, and appends nothing', async (_, token) => {
      await signIn(page, t, 'owner');
      const before = await t.eventCount();
      const target = `/api/actions/${overdue.actionId}/complete`;
      await page.goto(
        `${attackerUrl}/?target=${encodeURIComponent(target)}${token ? `&token=${token}` : ''}`,
      );
      const [answer] = await Promise.all([
        page.waitForResponse((response) => response.url().endsWith(target)),
        page.getByRole('button', { name: 'Claim your prize' }).click(),
      ]);
      expect(answer.status()).toBe(403);
      expect(
        answer.request().headers()['cookie'] ?? (await answer.request().allHeaders())['cookie'],
      ).toContain('actionledger_session=');
      expect(await t.eventCount()).toBe(before);
    });

    it('is refused on a page form too (sign-out), with the GOV.UK "form expired" page, and the session survives', async () => {
      await signIn(page, t, 'board');
      await page.goto(`${attackerUrl}/?target=${encodeURIComponent('/sign-out')}`);
      const [answer] = await Promise.all([
        page.waitForResponse((response) => response.url().endsWith('/sign-out')),
        page.getByRole('button', { name: 'Claim your prize' }).click(),
      ]);
      expect(answer.status()).toBe(403);
      await page.waitForLoadState();
      expect(await page.getByRole('heading', { name: 'This form has expired' }).isVisible()).toBe(true);
      await expectAccessible();
      await screenshot(page, t, 'error-form-expired');
      await page.goto(`${t.baseUrl}/`);
      expect(await page.getByRole('heading', { name: 'Plans and progress' }).isVisible()).toBe(true);
    });
  });

  it('shows the set-password page of an invitation, with inline errors', async () => {
    const administration = t.app.get(UserAdministration);
    const { invitationToken } = await administration.invite(t.users.admin.userId, operatorContext());
    await page.goto(`${t.baseUrl}/set-password?token=${invitationToken}`);
    await expectAccessible();
    await screenshot(page, t, 'set-password');
    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByLabel('Confirm your new password').fill('short');
    await page.getByRole('button', { name: 'Set password' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Password must be 12 characters or more');
    await expectAccessible();
    await page.getByLabel('New password', { exact: true }).fill('an administrator password');
    await page.getByLabel('Confirm your new password').fill('an administrator password');
    await page.getByRole('button', { name: 'Set password' }).click();
    expect(await page.getByText('Your password is set').isVisible()).toBe(true);
    await expectAccessible();
  });

  // axe runs its checks as a script in the page, so this journey is checked for accessibility, with the same
  // pages, by the tests above; here only that every step works without any script.
  it('works with JavaScript disabled: set a password from an invitation, sign in, sign out', async () => {
    await context.close();
    context = await browser.newContext({ javaScriptEnabled: false });
    page = await context.newPage();
    const administration = t.app.get(UserAdministration);
    const { invitationToken } = await administration.invite(t.users.secondOwner.userId, operatorContext());
    await page.goto(`${t.baseUrl}/set-password?token=${invitationToken}`);
    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByLabel('Confirm your new password').fill('short');
    await page.getByRole('button', { name: 'Set password' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Password must be 12 characters or more');
    await page.getByLabel('New password', { exact: true }).fill('a password for the second owner');
    await page.getByLabel('Confirm your new password').fill('a password for the second owner');
    await page.getByRole('button', { name: 'Set password' }).click();
    expect(await page.getByText('Your password is set').isVisible()).toBe(true);
    await screenshot(page, t, 'password-set');

    await signIn(page, t, 'secondOwner', 'a password for the second owner');
    expect(await page.getByRole('heading', { name: 'Your actions' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${t.baseUrl}/signed-out`);
    expect(await page.getByRole('heading', { name: 'You have signed out' }).isVisible()).toBe(true);
    await screenshot(page, t, 'signed-out');
    await page.goto(`${t.baseUrl}/`);
    expect(page.url()).toBe(`${t.baseUrl}/sign-in`);
  });

  it('shows an accessible "signed out" page', async () => {
    await page.goto(`${t.baseUrl}/signed-out`);
    await expectAccessible();
  });

  it('shows a GOV.UK "Page not found" for an address that is no page', async () => {
    await signIn(page, t, 'lead');
    const answer = await page.goto(`${t.baseUrl}/no-such-page`);
    expect(answer?.status()).toBe(404);
    expect(await page.getByRole('heading', { name: 'Page not found' }).isVisible()).toBe(true);
    await expectAccessible();
    await screenshot(page, t, 'error-not-found');
  });

  describe('the action page', () => {
    it('shows the lead its facts, its forms and its history, and names what to correct on a refused form', async () => {
      await signIn(page, t, 'lead');
      await page.getByRole('main').getByRole('link', { name: 'Audit', exact: true }).first().click();
      await page.waitForURL(`${t.baseUrl}/actions/${overdue.actionId}`);
      expect(await page.getByRole('heading', { name: 'Audit', level: 1 }).isVisible()).toBe(true);
      expect(await page.getByRole('heading', { name: 'Move the due date' }).isVisible()).toBe(true);
      await expectAccessible();
      await screenshot(page, t, 'action-lead');
      await page.locator('#reschedule-form').getByLabel('Day').fill('30');
      await page.locator('#reschedule-form').getByLabel('Month').fill('2');
      await page.locator('#reschedule-form').getByLabel('Year').fill('2027');
      const before = await t.eventCount();
      await page.getByRole('button', { name: 'Move the due date' }).click();
      expect(await page.getByRole('alert').textContent()).toContain('Enter the new due date as a real date');
      expect(await t.eventCount()).toBe(before);
      await expectAccessible();
      await screenshot(page, t, 'action-errors');
      await page.getByRole('link', { name: 'Enter why the due date is moving' }).click();
      expect(
        await page
          .locator('#reschedule-reason')
          .evaluate((element) => element.ownerDocument.activeElement === element),
      ).toBe(true);
    });

    it('without JavaScript: the owner records progress and completes it, the lead verifies, the board reads it', async () => {
      await context.close();
      context = await browser.newContext({ javaScriptEnabled: false });
      page = await context.newPage();
      const linkOnHome = () => page.locator(`main a[href="/actions/${overdue.actionId}"]`).count();
      await signIn(page, t, 'board');
      expect(await linkOnHome()).toBe(1); // on the overdue list
      await page.getByRole('button', { name: 'Sign out' }).click();

      await signIn(page, t, 'owner');
      await page.goto(`${t.baseUrl}/actions/${overdue.actionId}`);
      await page.getByLabel('What has been done').fill('Half of the contacts audited');
      await page.getByRole('button', { name: 'Record progress' }).click();
      expect(await page.getByText('Your progress note is recorded').isVisible()).toBe(true);
      await page.getByLabel('Summary of what was done').fill('All 412 contacts audited; 3 referred on');
      await page.getByLabel('Evidence (optional)').fill('audit-report.pdf');
      await page.getByRole('button', { name: 'Mark as completed' }).click();
      expect(await page.getByText('The action is marked as completed').isVisible()).toBe(true);
      await page.getByRole('button', { name: 'Sign out' }).click();

      await signIn(page, t, 'lead');
      await page.goto(`${t.baseUrl}/actions/${overdue.actionId}`);
      await page.getByLabel('How you checked it (optional)').fill('Sampled 20 records');
      await page.getByRole('button', { name: 'Verify' }).click();
      expect(await page.getByText('The action is verified').isVisible()).toBe(true);
      await page.getByRole('button', { name: 'Sign out' }).click();

      await signIn(page, t, 'board');
      expect(await linkOnHome()).toBe(0); // verified: off the overdue list
      await page.goto(`${t.baseUrl}/actions/${overdue.actionId}`);
      const forms = await page
        .locator('form')
        .evaluateAll((all) => all.map((form) => form.getAttribute('action')));
      expect(forms).toEqual(['/sign-out']);
      // Its trail, newest first: who did what, in which role.
      const steps = await page.locator('.app-timeline__title').allTextContents();
      expect(steps.slice(0, 3)).toEqual(['Verified', 'Completed', 'Progress recorded']);
      expect(await page.getByText('Test owner (Owner)').count()).toBeGreaterThan(0);
      expect(await page.getByText('Sampled 20 records').isVisible()).toBe(true);
      await screenshot(page, t, 'action-board');
    });

    it('is accessible to a board member after the work is done', async () => {
      await signIn(page, t, 'board');
      await page.goto(`${t.baseUrl}/actions/${overdue.actionId}`);
      await expectAccessible();
    });
  });
});
