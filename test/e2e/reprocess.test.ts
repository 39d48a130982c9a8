import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reprocessStored } from '../../local/pipeline/reprocess.ts';
import { explainTenant } from '../../shared/core/score/index.ts';
import { globexComplaint, sendMail, startTestServer, type TestServer } from './local-harness.ts';

describe('reprocess', () => {
  let test: TestServer;
  beforeAll(async () => {
    test = await startTestServer();
  });
  afterAll(async () => {
    await test?.dispose();
  });

  it('runs stored raw mail through the pipeline again without counting any report twice', async () => {
    for (let i = 0; i < 6; i++) await sendMail(test.server.smtp.port, globexComplaint().raw);
    await test.server.idle();
    const now = new Date(Date.now() + 60_000).toISOString();
    const before = await explainTenant('globex', test.server.services.scoring, now);
    expect(before.score).toBeGreaterThan(0);

    const summary = await reprocessStored(test.server.services);
    expect(summary).toMatchObject({ total: 6, accepted: 6, reports: 6, attributed: 6, failed: [] });
    const again = await reprocessStored(test.server.services);
    expect(again.accepted).toBe(6);

    const after = await explainTenant('globex', test.server.services.scoring, now);
    expect(after.score).toBeCloseTo(before.score, 9);
    const reports = await test.server.services.records.queryReports({
      index: { by: 'tenant', tenantId: 'globex' },
    });
    expect(reports.items).toHaveLength(6);
  });

  it('reprocesses only the submissions asked for', async () => {
    const [first] = (await test.server.services.records.listSubmissions({ limit: 1 })).items;
    const summary = await reprocessStored(test.server.services, { ids: [first?.submissionId ?? ''] });
    expect(summary.total).toBe(1);
  });
});
