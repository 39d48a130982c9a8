import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '../../local/demo/run-demo.ts';
import { formatBanner } from '../../local/server/banner.ts';
import { apiGet, startTestServer, type TestServer } from './local-harness.ts';

describe('demo', () => {
  let test: TestServer;
  beforeAll(async () => {
    test = await startTestServer();
  });
  afterAll(async () => {
    await test?.dispose();
  });

  it('prints where everything listens and how to send and query a first report', () => {
    const banner = formatBanner(test.server, { demo: true });
    expect(banner).toContain(`SMTP       127.0.0.1:${test.server.smtp.port}`);
    expect(banner).toContain(`${test.server.http.url}/health`);
    expect(banner).toContain(`API token  ${test.token}`);
    expect(banner).toContain('npx abuse-intake ingest');
    expect(banner).toContain("require('nodemailer')");
    expect(banner).toContain(test.dataDir);
    expect(banner).not.toContain('tenants import');
  });

  it('tells a first-time user to import the example tenants before the first report', () => {
    const banner = formatBanner(test.server);
    expect(banner).toContain(
      `npx abuse-intake tenants import examples/tenants.json --data-dir ${JSON.stringify(test.dataDir)}`,
    );
    expect(banner.indexOf('tenants import')).toBeLessThan(banner.indexOf('npx abuse-intake ingest'));
    expect(banner).toContain('npx abuse-intake reports show REPORT_ID');
  });

  it('shows Globex warned then restricted and Initech blocked from its unregistered domain', async () => {
    const lines: string[] = [];
    await runDemo(test.server, (line) => lines.push(line));
    const first = lines.slice(
      lines.indexOf('demo: after the first wave'),
      lines.indexOf('demo: after the second wave'),
    );
    const second = lines.slice(lines.indexOf('demo: after the second wave'));
    expect(first.find((line) => line.includes('globex'))).toMatch(/warned\s+may send/);
    expect(second.find((line) => line.includes('globex'))).toContain(
      '550 5.7.705 Access denied, tenant has exceeded threshold',
    );
    expect(second.find((line) => line.includes('initech-prizes.test'))).toContain(
      '550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains',
    );
    expect(second.find((line) => line.includes('acme'))).toMatch(/active\s+may send/);

    const status = await apiGet(test, '/v1/tenants/globex/sending-status?fromDomain=globex-news.test', false);
    expect(status.body).toMatchObject({ allowed: false, state: 'restricted' });
    // The forged mail names Acme only by its From domain: weak evidence, recorded but never counted.
    const acme = await apiGet(test, '/v1/reports?tenant=acme&limit=50');
    const confidences = (acme.body['items'] as { confidence: string; reporterTrust: string }[]).map(
      (report) => `${report.reporterTrust}/${report.confidence}`,
    );
    expect(confidences.sort()).toEqual([
      'authenticated-human/proven',
      'authenticated-human/proven',
      'automated-feed/weak',
      'automated-feed/weak',
      'automated-feed/weak',
    ]);
  });
});
