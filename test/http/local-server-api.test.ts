/**
 * The analyst API as `npm start` serves it: L's local server (SMTP intake, queue, workers, dynalite on disk) with
 * configured read and manage tokens, reports arriving over real SMTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REMEDIATION_CHECKLIST } from '../../shared/core/model/index.ts';
import { globexComplaint, sendMail, startTestServer, type TestServer } from '../e2e/local-harness.ts';
import { call } from './api-client.ts';

const READER = 'local-reader-token-0123456789';
const LEAD = 'local-lead-token-0123456789';
/** Feed complaints (weight 1.5 each) that take Globex past the default restrict threshold of 20. */
const COMPLAINTS = 15;

let test: TestServer;
let url: string;

beforeAll(async () => {
  test = await startTestServer((config) => ({
    ...config,
    tokens: [
      { name: 'reader', role: 'read', token: READER },
      { name: 'lead', role: 'manage', token: LEAD },
    ],
  }));
  url = test.server.http.url;
  for (let i = 0; i < COMPLAINTS; i++) {
    expect(await sendMail(test.server.smtp.port, globexComplaint().raw)).toMatch(/^250/);
  }
  await test.server.idle();
});
afterAll(async () => {
  await test?.dispose();
});

describe('the local server', () => {
  it('serves the dashboard with the strict CSP, and uPlot', async () => {
    const index = await fetch(`${url}/`);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await index.text()).toContain('/js/app.js');
    expect((await fetch(`${url}/vendor/uplot/uPlot.esm.js`)).status).toBe(200);
  });

  it('restricts the tenant the feed complained about', async () => {
    const tenant = await call(url, '/v1/tenants/globex', { token: READER });
    expect(tenant.json.standing.state).toBe('restricted');
  });

  it('answers 401 without a token and pages the reports that came in over SMTP', async () => {
    expect((await call(url, '/v1/reports?tenant=globex')).status).toBe(401);
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await call(url, `/v1/reports?tenant=globex&limit=4${cursor ? `&cursor=${cursor}` : ''}`, {
        token: READER,
      });
      expect(page.json.items.length).toBeLessThanOrEqual(4);
      ids.push(...page.json.items.map((r: { reportId: string }) => r.reportId));
      cursor = page.json.cursor && encodeURIComponent(page.json.cursor);
    } while (cursor);
    expect(new Set(ids).size).toBe(COMPLAINTS);
  });

  it('lets only the manage token lift, and audits the lift with its holder', async () => {
    const body = { reason: 'Mailing list cleaned, double opt-in on', checklist: REMEDIATION_CHECKLIST };
    const path = '/v1/tenants/globex/lift';
    expect((await call(url, path, { method: 'POST', body })).status).toBe(401);
    expect((await call(url, path, { method: 'POST', token: READER, body })).status).toBe(403);
    expect((await call(url, path, { method: 'POST', token: LEAD, body })).status).toBe(200);
    const sending = await call(url, '/v1/tenants/globex/sending-status?fromDomain=globex-news.test');
    expect(sending.json.allowed).toBe(true);
    const audit = await call(url, '/v1/tenants/globex/audit', { token: READER });
    expect(audit.json.items[0]).toMatchObject({ action: 'lifted', actor: 'token:lead', reason: body.reason });
  });
});
