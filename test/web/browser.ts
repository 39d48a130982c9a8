/** Real Chromium for dashboard tests (Debian's package; .ci/run installs it), with the flags CI needs. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Where screenshots of the main pages go (git-ignored test output). */
export const SCREENSHOT_DIR = join(process.cwd(), 'test-output', 'screenshots');

/** Launches headless Chromium. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Starts a server and Chromium side by side and hands over whichever started, then throws the first failure:
 * with `Promise.all`, a failed server start left the launched Chromium unassigned, so afterAll could not close it and
 * the browser outlived the test file (a Vitest fork's children survive its teardown).
 */
export async function startWithChromium<T>(
  starting: Promise<T>,
  keep: (started: { server?: T; browser?: Browser }) => void,
): Promise<void> {
  const [server, browser] = await Promise.allSettled([starting, launchChromium()]);
  keep({
    ...(server.status === 'fulfilled' ? { server: server.value } : {}),
    ...(browser.status === 'fulfilled' ? { browser: browser.value } : {}),
  });
  for (const result of [server, browser]) if (result.status === 'rejected') throw result.reason;
}

/** What a page did that a hostile report must never make it do. */
export interface PageWatch {
  readonly dialogs: string[];
  /** Requests to anything but the test server (remote images, beacons, javascript: navigations). */
  readonly foreignRequests: string[];
  readonly errors: string[];
  readonly cspViolations: () => Promise<string[]>;
}

/** Opens a page that records dialogs, foreign requests, script errors and CSP violations. */
export async function watchedPage(
  browser: Browser,
  origin: string,
): Promise<{ page: Page; watch: PageWatch }> {
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  const dialogs: string[] = [];
  const foreignRequests: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    if (!request.url().startsWith(`${origin}/`)) foreignRequests.push(request.url());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = violations;
    document.addEventListener('securitypolicyviolation', (event) =>
      violations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  const cspViolations = () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  return { page, watch: { dialogs, foreignRequests, errors, cspViolations } };
}

/** Logs in through the form with `token`. */
export async function logIn(page: Page, origin: string, token: string): Promise<void> {
  await page.goto(`${origin}/`);
  await page.fill('#token', token);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForSelector('[data-testid=intake-chart] canvas');
}

/** Saves a full-page screenshot as `<name>.png`. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // The top bar is sticky: from the top, a full-page shot shows it where it belongs.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
