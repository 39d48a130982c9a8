/**
 * The dashboard a new user sees after `npm start -- --demo`: L's local server, the demo's reports sent over SMTP,
 * the generated token from the banner.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '../../local/demo/run-demo.ts';
import { startTestServer, type TestServer } from '../e2e/local-harness.ts';
import { logIn, screenshot, startWithChromium, watchedPage } from './browser.ts';

let test: TestServer;
let browser: Browser;

beforeAll(async () => {
  await startWithChromium(startTestServer(), (started) => {
    if (started.server) test = started.server;
    if (started.browser) browser = started.browser;
  });
  await runDemo(test.server, () => {});
});
afterAll(async () => {
  await browser?.close();
  await test?.dispose();
});

describe('the demo in the dashboard', () => {
  it('shows the restricted tenants on the overview after logging in with the printed token', async () => {
    const url = test.server.http.url;
    const { page, watch } = await watchedPage(browser, url);
    await logIn(page, url, test.token);
    const restrictions = page.locator('section', { hasText: 'Restrictions in force' });
    await expect.poll(() => restrictions.textContent()).toContain('550 5.7.705 Access denied');
    expect(await restrictions.textContent()).toContain('550 5.7.750 Service unavailable');
    // initech is warned and blocked for unregistered domains: both show, in both tables, as the card counts it.
    const nearest = page.locator('section', { hasText: 'Nearest their threshold' });
    expect(await nearest.locator('tr', { hasText: 'Initech' }).textContent()).toMatch(
      /warned\s*5\.7\.750 unregistered domains/,
    );
    expect(await page.textContent('[data-testid=card-restricted]')).toContain('2');
    // The intake chart fits the data by default, not a fixed day that squeezes fresh data into its right edge.
    expect(await page.locator('.segmented button.on', { hasText: 'Fit' }).count()).toBe(1);
    await screenshot(page, 'demo-overview');
    await restrictions.getByRole('link', { name: 'globex' }).click();
    await page.waitForSelector('[data-testid=score-chart] canvas');
    await expect.poll(() => page.getAttribute('[data-testid=tenant-state]', 'data-state')).toBe('restricted');
    expect(await page.textContent('[data-testid=smtp-reply]')).toBe(
      '550 5.7.705 Access denied, tenant has exceeded threshold',
    );
    await screenshot(page, 'demo-tenant');
    await page.locator('main a[href^="#/report/"]').first().click();
    await page.waitForSelector('[data-testid=raw-mail]');
    expect(await page.textContent('main')).toContain('tenant-header');
    await screenshot(page, 'demo-report');
    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    expect(await watch.cspViolations()).toEqual([]);
    await page.close();
  });
});
