import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE } from '../http/analyst-records.ts';
import { type AnalystServer, MANAGE_TOKEN, READ_TOKEN, startAnalystServer } from '../http/analyst-server.ts';
import { logIn, screenshot, startWithChromium, watchedPage } from './browser.ts';

let server: AnalystServer;
let browser: Browser;

beforeAll(async () => {
  await startWithChromium(startAnalystServer(), (started) => {
    if (started.server) server = started.server;
    if (started.browser) browser = started.browser;
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Counts canvas pixels close to an RGB colour (uPlot draws series on a canvas). */
function pixelsOfColour(rgb: readonly [number, number, number]) {
  return `(() => {
    const canvas = document.querySelector('[data-testid=score-chart] canvas');
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - ${rgb[0]}) < 24 && Math.abs(data[i + 1] - ${rgb[1]}) < 24 && Math.abs(data[i + 2] - ${rgb[2]}) < 24 && data[i + 3] > 200) n++;
    }
    return n;
  })()`;
}

describe('dashboard', () => {
  it('asks for a token, refuses a wrong one and shows the restricted tenant after login', async () => {
    const { page, watch } = await watchedPage(browser, server.url);
    await page.goto(`${server.url}/`);
    await screenshot(page, 'login');
    await page.fill('#token', 'wrong-token-wrong-token');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => page.textContent('main')).toContain('not valid');
    await logIn(page, server.url, READ_TOKEN);
    const restrictions = page.locator('section', { hasText: 'Restrictions in force' });
    await expect.poll(() => restrictions.textContent()).toContain('550 5.7.705');
    expect(await page.locator('section', { hasText: 'Nearest their threshold' }).textContent()).toContain(
      'Acme Mail',
    );
    expect(await page.textContent('[data-testid=card-restricted]')).toContain('1');
    await screenshot(page, 'overview');
    expect(watch.errors).toEqual([]);
    expect(await watch.cspViolations()).toEqual([]);
    await page.close();
  });

  it('draws the score curve with the warn and restrict lines on the tenant page', async () => {
    const { page, watch } = await watchedPage(browser, server.url);
    await logIn(page, server.url, READ_TOKEN);
    await page.goto(`${server.url}/#/tenant/acme`);
    await page.waitForSelector('[data-testid=score-chart] canvas');
    await expect.poll(() => page.getAttribute('[data-testid=tenant-state]', 'data-state')).toBe('restricted');
    const legend = await page.textContent('[data-testid=score-chart]');
    expect(legend).toContain('Warn at');
    expect(legend).toContain('Restrict at');
    // The restrict line is drawn in #c62828 and the warn line in #c77700, across the whole plot.
    await expect.poll(() => page.evaluate(pixelsOfColour([0xc6, 0x28, 0x28]))).toBeGreaterThan(200);
    expect(await page.evaluate(pixelsOfColour([0xc7, 0x77, 0x00]))).toBeGreaterThan(200);
    expect(await page.textContent('section:has-text("Sending domains")')).toContain('not registered');
    await screenshot(page, 'tenant-restricted');
    expect(watch.errors).toEqual([]);
    expect(await watch.cspViolations()).toEqual([]);
    await page.close();
  });

  it('renders a hostile reported message as inert text: no dialog, no script, no request off the page', async () => {
    const { page, watch } = await watchedPage(browser, server.url);
    await logIn(page, server.url, READ_TOKEN);
    await page.goto(`${server.url}/#/report/${server.ids.hostileReport}`);
    await page.waitForSelector('[data-testid=raw-mail]');
    expect(await page.textContent('[data-testid=report-subject]')).toBe(HOSTILE.subject);
    expect(await page.textContent('main')).toContain(HOSTILE.from);
    expect(await page.textContent('[data-testid=raw-mail]')).toContain(HOSTILE.body);
    expect(await page.locator('main script, main img, main iframe, main a[href^="javascript"]').count()).toBe(
      0,
    );
    await page.waitForTimeout(300); // give any injected handler a chance to fire before asserting it did not
    expect(watch.dialogs).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.errors).toEqual([]);
    await screenshot(page, 'report-hostile');
    await page.close();
  });

  it('finds reports by source IP through the search box', async () => {
    const { page } = await watchedPage(browser, server.url);
    await logIn(page, server.url, READ_TOKEN);
    await page.fill('#search-input', '192.0.2.40');
    await page.press('#search-input', 'Enter');
    await page.waitForSelector('[data-testid=search-results] table');
    expect(await page.locator('[data-testid=search-results] tbody tr').count()).toBe(8);
    await screenshot(page, 'search');
    await page.getByRole('link', { name: /Open in the reports list/ }).click();
    await page.waitForSelector('[data-testid=reports-list] table');
    expect(await page.inputValue('input[name=sourceIp]')).toBe('192.0.2.40');
    expect(await page.locator('[data-testid=reports-list] tbody tr').count()).toBe(8);
    await screenshot(page, 'reports');
    await page.close();
  });

  it('lists tenants by state and unusable submissions with their reasons', async () => {
    const { page, watch } = await watchedPage(browser, server.url);
    await logIn(page, server.url, READ_TOKEN);
    await page.goto(`${server.url}/#/tenants?state=warned`);
    await expect.poll(() => page.textContent('main')).toContain('Globex Corporation');
    expect(await page.textContent('main')).not.toContain('Acme Mail');
    await screenshot(page, 'tenants');
    await page.goto(`${server.url}/#/submissions?status=unusable`);
    await expect.poll(() => page.textContent('main')).toContain('auto-reply: An automatic reply (RFC 3834)');
    await screenshot(page, 'submissions-unusable');
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('shows the scoring policy in force', async () => {
    const { page } = await watchedPage(browser, server.url);
    await logIn(page, server.url, READ_TOKEN);
    await page.getByRole('link', { name: 'Policy' }).click();
    await expect.poll(() => page.textContent('main')).toContain('Restrict at (5.7.705)');
    expect(await page.textContent('main')).toContain('automated-feed');
    await screenshot(page, 'policy');
    await page.close();
  });

  it('lifts a restriction through the form; the state changes and the audit trail shows who and why', async () => {
    const { page, watch } = await watchedPage(browser, server.url);
    await logIn(page, server.url, MANAGE_TOKEN);
    await page.goto(`${server.url}/#/tenant/acme`);
    const form = page.locator('[data-testid=lift-form]');
    await form.waitFor();
    await form.getByRole('button', { name: 'Lift restriction' }).click();
    await expect.poll(() => page.textContent('main')).toContain('Confirm every remediation item');
    for (const box of await form.locator('input[type=checkbox]').all()) await box.check();
    await page.fill('#lift-reason', 'Admin passwords reset, MFA enforced (ticket ABUSE-7)');
    await screenshot(page, 'tenant-lift-form');
    await form.getByRole('button', { name: 'Lift restriction' }).click();
    await expect.poll(() => page.getAttribute('[data-testid=tenant-state]', 'data-state')).toBe('probation');
    const audit = page.locator('[data-testid=audit-trail]');
    await expect.poll(() => audit.textContent()).toContain('lifted');
    expect(await audit.textContent()).toContain('token:lead-analyst');
    expect(await audit.textContent()).toContain('ticket ABUSE-7');
    // The lift is marked on the score chart as a green vertical line (#1f8a4c).
    await expect.poll(() => page.evaluate(pixelsOfColour([0x1f, 0x8a, 0x4c]))).toBeGreaterThan(20);
    await screenshot(page, 'tenant-lifted');
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('changes a tenant policy through the form, audited with the actor', async () => {
    const { page, watch } = await watchedPage(browser, server.url);
    await logIn(page, server.url, MANAGE_TOKEN);
    await page.goto(`${server.url}/#/tenant/globex`);
    const form = page.locator('[data-testid=policy-form]');
    await form.waitFor();
    await form.locator('input[name=restrictThreshold]').fill('40');
    await form.locator('input[name=reason]').fill('Large sender, agreed with the account team');
    await form.getByRole('button', { name: 'Save policy' }).click();
    await expect.poll(() => page.textContent('[data-testid=audit-trail]')).toContain('policy-changed');
    expect(await page.textContent('main')).toContain('40.00');
    expect(await page.textContent('[data-testid=audit-trail]')).toContain('token:lead-analyst');
    await screenshot(page, 'tenant-policy');
    expect(watch.errors).toEqual([]);
    await page.close();
  });
});
