import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestApp, type TestApp, type TestUserName } from '../test-app';
import { emailOf, givenPassword, TEST_PASSWORD } from './web-session';

/** Debian's Chromium, driven by playwright-core: no browser is downloaded. */
export const CHROMIUM = '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export interface BrowserApp extends TestApp {
  /** `http://127.0.0.1:<port>` of the app listening for real. */
  baseUrl: string;
}

/** The real app on an ephemeral port with real Redis; the named users get TEST_PASSWORD. */
export async function startBrowserApp(withPasswords: TestUserName[]): Promise<BrowserApp> {
  const t = await startTestApp();
  for (const name of withPasswords) await givenPassword(t, name);
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  return Object.assign(t, { baseUrl: `http://127.0.0.1:${port}` });
}

/** Signs in through the form, as a person would, and waits for the home page. */
export async function signIn(page: Page, t: BrowserApp, name: TestUserName, password = TEST_PASSWORD) {
  await page.goto(`${t.baseUrl}/sign-in`);
  await page.getByLabel('Email address').fill(emailOf(name));
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${t.baseUrl}/`);
}

export interface Violation {
  id: string;
  impact: string | null | undefined;
  help: string;
  nodes: string[];
}

/** axe-core over the page, WCAG 2.2 A and AA rules: the serious and critical violations, to expect none. */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map((node) => node.html) }));
}

/**
 * Where `npm run screenshots` wants the pages (SCREENSHOTS_DIR, docs/screenshots); a test run elsewhere still
 * takes them, into its own data folder, so that the script cannot rot.
 */
export async function screenshot(page: Page, t: TestApp, name: string): Promise<string> {
  const folder = process.env.SCREENSHOTS_DIR ?? join(t.dataDir, 'screenshots');
  mkdirSync(folder, { recursive: true });
  const path = join(folder, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
