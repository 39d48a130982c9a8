import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AnalystServer, READ_TOKEN, startAnalystServer } from './analyst-server.ts';
import { call } from './api-client.ts';

let server: AnalystServer;
const read = (path: string) => call(server.url, path, { token: READ_TOKEN });

beforeAll(async () => {
  server = await startAnalystServer();
});
afterAll(async () => {
  await server?.stop();
});

async function allPages(path: string): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const page = await read(`${path}${cursor ? `${separator}cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(page.status).toBe(200);
    ids.push(...page.json.items.map((r: { reportId: string }) => r.reportId));
    cursor = page.json.cursor;
    pages++;
  } while (cursor && pages < 100);
  return { ids, pages };
}

describe('authentication', () => {
  it('answers 401 with a Bearer challenge when no token is given', async () => {
    const response = await call(server.url, '/v1/tenants');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(response.json.error.code).toBe('unauthenticated');
  });

  it('answers 401 for an unknown token', async () => {
    expect((await call(server.url, '/v1/reports', { token: 'not-a-real-token-at-all' })).status).toBe(401);
  });

  it('serves /health and the enforcement route without a token', async () => {
    expect((await call(server.url, '/health')).status).toBe(200);
    const status = await call(server.url, '/v1/tenants/acme/sending-status?fromDomain=acme.example');
    expect(status.status).toBe(200);
    expect(status.json).toMatchObject({
      allowed: false,
      smtpReply: '550 5.7.705 Access denied, tenant has exceeded threshold',
    });
  });

  it('tells the caller who it is', async () => {
    expect((await read('/v1/me')).json).toEqual({ actor: 'token:reader', role: 'read' });
  });
});

describe('tenants', () => {
  it('lists tenants by score with their state, the restricted one first', async () => {
    const { json } = await read('/v1/tenants?sort=score');
    expect(json.items.map((t: { tenantId: string }) => t.tenantId)).toEqual(['acme', 'globex', 'initech']);
    expect(json.items[0]).toMatchObject({ state: 'restricted', restrictThreshold: 20 });
    expect(json.items[0].score).toBeGreaterThan(20);
  });

  it('filters tenants by state', async () => {
    const { json } = await read('/v1/tenants?state=warned');
    expect(json.items.map((t: { tenantId: string }) => t.tenantId)).toEqual(['globex']);
  });

  it('shows one tenant with standing, explanation, score history and audit trail', async () => {
    const { json } = await read('/v1/tenants/acme?days=1');
    expect(json.tenant.name).toBe('Acme Mail');
    expect(json.standing.state).toBe('restricted');
    expect(json.standing.contributors.senders.length).toBeGreaterThan(0);
    expect(json.history).toHaveLength(289);
    expect(json.history.at(-1).score).toBeGreaterThan(20);
    expect(json.history[0].score).toBeLessThan(json.history.at(-1).score);
    expect(json.audit.some((entry: { action: string }) => entry.action === 'restricted')).toBe(true);
  });

  it('fits the score history to the data with days=fit: from just before the first report to now', async () => {
    const { json } = await read('/v1/tenants/acme?days=fit');
    const first = Date.parse(json.standing.firstReportAt);
    const start = Date.parse(json.history[0].at);
    const end = Date.parse(json.history.at(-1).at);
    expect(start).toBeLessThan(first);
    // The margin is a quarter of the span (at least 15 seconds), not a fixed day.
    expect(first - start).toBeLessThanOrEqual(Math.max((end - first) * 0.25, 15_000) + 1);
    expect(json.history.at(-1).score).toBeGreaterThan(20);
  });

  it('narrows a breakdown to reports received since a time (what counts after a lift)', async () => {
    const since = new Date(Date.now() - 100 * 60_000).toISOString();
    const { json } = await read(`/v1/tenants/acme/breakdown?since=${encodeURIComponent(since)}`);
    expect(json.from).toBe(since);
    expect(json.reports).toBeGreaterThan(0);
    expect(json.reports).toBeLessThan(19);
    expect((await read('/v1/tenants/acme/breakdown?since=yesterday')).status).toBe(400);
  });

  it('breaks reports down by sender, IP, domain (registered or not), reporter and type', async () => {
    const { json } = await read('/v1/tenants/acme/breakdown');
    expect(json.reports).toBe(19);
    expect(json.senderAddresses[0]).toMatchObject({ count: 6 });
    const domains = Object.fromEntries(
      json.sendingDomains.map((d: { key: string; registered: boolean }) => [d.key, d.registered]),
    );
    expect(domains).toEqual({ 'acme.example': true, 'cheap-pills.example': false });
    expect(json.reporters.map((r: { key: string }) => r.key).sort()).toEqual([
      'fbl.mailbox.example',
      'feedback.isp.example',
    ]);
  });

  it('answers 404 for an unknown tenant', async () => {
    expect((await read('/v1/tenants/nobody')).status).toBe(404);
  });

  it('lists restrictions in force with the SMTP reply', async () => {
    const { json } = await read('/v1/restrictions');
    expect(json.items).toHaveLength(1);
    expect(json.items[0].restrictions[0].smtpReply).toBe(
      '550 5.7.705 Access denied, tenant has exceeded threshold',
    );
  });
});

describe('reports', () => {
  it('filters by tenant, newest first', async () => {
    const { json } = await read('/v1/reports?tenant=acme&limit=100');
    expect(json.items).toHaveLength(19);
    const times = json.items.map((r: { receivedAt: string }) => r.receivedAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('filters by sender address, source IP, sender domain, reporter and fingerprint', async () => {
    expect((await read('/v1/reports?senderAddress=CEO@acme.example')).json.items).toHaveLength(6);
    expect((await read('/v1/reports?sourceIp=192.0.2.40')).json.items).toHaveLength(8);
    expect((await read('/v1/reports?senderDomain=cheap-pills.example')).json.items).toHaveLength(1);
    expect((await read('/v1/reports?reporter=fbl.mailbox.example')).json.items).toHaveLength(9);
    const one = server.reports[3]!;
    const byPrint = await read(`/v1/reports?fingerprint=${one.fingerprint}`);
    expect(byPrint.json.items.map((r: { reportId: string }) => r.reportId)).toEqual([one.reportId]);
  });

  it('filters by Message-ID in any case, with or without angle brackets', async () => {
    for (const messageId of ['<HOSTILE-1@initech.example>', 'hostile-1@initech.example']) {
      const { json } = await read(`/v1/reports?messageId=${encodeURIComponent(messageId)}`);
      expect(json.items.map((r: { reportId: string }) => r.reportId)).toEqual([server.ids.hostileReport]);
    }
    expect((await read('/v1/reports?messageId=absent%40initech.example')).json.items).toEqual([]);
  });

  it('combines filters and a time range', async () => {
    const acme = server.reports.filter((r) => r.tenantId === 'acme');
    const to = acme[2]!.receivedAt;
    const from = acme[8]!.receivedAt;
    const { json } = await read(`/v1/reports?tenant=acme&from=${from}&to=${to}&sourceIp=192.0.2.10`);
    const expected = acme.filter(
      (r) => r.receivedAt >= from && r.receivedAt <= to && r.sourceIp === '192.0.2.10',
    );
    expect(json.items.map((r: { reportId: string }) => r.reportId)).toEqual(expected.map((r) => r.reportId));
  });

  it('pages with a cursor through every report exactly once, newest first', async () => {
    const { ids, pages } = await allPages('/v1/reports?tenant=acme&limit=4');
    expect(pages).toBeGreaterThanOrEqual(5);
    expect(ids).toEqual(server.reports.filter((r) => r.tenantId === 'acme').map((r) => r.reportId));
  });

  it('pages over all reports without a filter by walking the received days', async () => {
    const { ids } = await allPages('/v1/reports?limit=7');
    expect(ids).toEqual(server.reports.map((r) => r.reportId));
  });

  it('refuses a malformed cursor, limit or time with 400', async () => {
    expect((await read('/v1/reports?cursor=%%%')).status).toBe(400);
    expect((await read('/v1/reports?limit=0')).status).toBe(400);
    expect((await read('/v1/reports?from=yesterday')).status).toBe(400);
  });

  it('shows one report with its attribution signals', async () => {
    const { json } = await read(`/v1/reports/${server.ids.hostileReport}`);
    expect(json.report.attribution.signals[0]).toMatchObject({ kind: 'tenant-header', verdict: 'proof' });
    expect(json.submission.submissionId).toBe('initech-hostile');
  });

  it('serves raw mail as a text/plain attachment that browsers will not sniff', async () => {
    const response = await read(`/v1/reports/${server.ids.hostileReport}/raw`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="initech-hostile\.eml\.txt"$/,
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.text).toContain('<script>alert(3)</script>');
  });

  it('answers 404 for raw mail that is not stored', async () => {
    expect((await read('/v1/submissions/acme-00/raw')).status).toBe(404);
    expect((await read('/v1/submissions/..%2Fetc%2Fpasswd/raw')).status).toBe(404);
  });

  it('lists unusable submissions with their reasons', async () => {
    const { json } = await read('/v1/submissions?status=unusable');
    expect(json.items).toHaveLength(1);
    expect(json.items[0]).toMatchObject({ submissionId: 'unusable-1', reason: { code: 'auto-reply' } });
  });
});

describe('search', () => {
  it('finds reports by IP, address, Message-ID and domain', async () => {
    expect((await read('/v1/search?q=192.0.2.40')).json).toMatchObject({ kind: 'ip' });
    const byIp = await read('/v1/search?q=192.0.2.40');
    expect(byIp.json.reports).toHaveLength(8);
    expect(byIp.json.tenants).toEqual([{ tenantId: 'globex', name: 'Globex Corporation' }]);
    expect((await read('/v1/search?q=ceo%40acme.example')).json.reports).toHaveLength(6);
    const byId = await read(`/v1/search?q=${encodeURIComponent('<hostile-1@initech.example>')}`);
    expect(byId.json.reports.map((r: { reportId: string }) => r.reportId)).toEqual([
      server.ids.hostileReport,
    ]);
    const bare = await read('/v1/search?q=hostile-1%40initech.example');
    expect(bare.json.reports.map((r: { reportId: string }) => r.reportId)).toEqual([
      server.ids.hostileReport,
    ]);
    // Found as a Message-ID typed without brackets, and labelled so (not as a sender address).
    expect(bare.json.kind).toBe('message-id');
    expect((await read('/v1/search?q=ceo%40acme.example')).json.kind).toBe('address');
    const prefix = await read('/v1/search?q=192.0.2');
    expect(prefix.json).toMatchObject({ kind: 'ip-prefix', reports: [] });
    expect(prefix.json.note).toMatch(/^192\.0\.2 is not a full IP address: .*192\.0\.2\.1/);
    const domain = await read('/v1/search?q=globex.example');
    expect(domain.json.tenants).toEqual([{ tenantId: 'globex', name: 'Globex Corporation' }]);
  });
});

describe('statistics and exports', () => {
  it('counts intake per hour with unusable and unattributed rates', async () => {
    const { json } = await read('/v1/stats?window=24h');
    expect(json.buckets).toHaveLength(24);
    expect(json.totals).toEqual({ submissions: 30, unusable: 1, reports: 29, unattributed: 1 });
    expect(json.unusableRate).toBeCloseTo(1 / 30);
    expect(json.unattributedRate).toBeCloseTo(1 / 29);
  });

  it('fits the intake window to the data with window=fit, in buckets fine enough to show it', async () => {
    const { json } = await read('/v1/stats?window=fit');
    expect(json.totals).toEqual({ submissions: 30, unusable: 1, reports: 29, unattributed: 1 });
    expect(json.bucketHours).toBeLessThan(1);
    expect(json.buckets.length).toBeLessThanOrEqual(72);
    expect(Date.parse(json.to) - Date.parse(json.from)).toBeLessThan(24 * 3_600_000);
  });

  it('adds intake figures to the authenticated health view', async () => {
    const { json } = await read('/v1/health');
    expect(json).toMatchObject({ status: 'ok', queueDepth: 0, intakeLast24h: { submissions: 30 } });
  });

  it('streams a CSV export with the same filters', async () => {
    const response = await read('/v1/exports/reports.csv?tenant=acme');
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment;/);
    const lines = response.text.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^reportId,submissionId,receivedAt,tenantId/);
    expect(lines).toHaveLength(20);
  });

  it('streams a JSON export', async () => {
    const response = await read('/v1/exports/reports.json?sourceIp=192.0.2.40');
    expect(JSON.parse(response.text)).toHaveLength(8);
  });
});
