import { describe, expect, it } from 'vitest';
import { explainTenant } from '../../../shared/core/score/explain-tenant.ts';
import { scoreReports } from '../../../shared/core/score/score-reports.ts';
import { topTenants } from '../../../shared/core/score/tenant-queries.ts';
import { createInMemoryScoringDeps, testTenant } from '../../support/in-memory-scoring-stores.ts';
import { reportRecord, reportsFromDistinctReporters } from '../../support/report-records.ts';

const NOW = '2026-11-20T13:00:00.000Z';

describe('explainTenant', () => {
  it('breaks the score down by report, sender, source IP, domain, reporter and feedback type', async () => {
    const deps = createInMemoryScoringDeps();
    const reports = [
      ...reportsFromDistinctReporters(4, {
        receivedAt: '2026-11-20T12:00:00.000Z',
        sourceIp: '198.51.100.7',
      }),
      ...reportsFromDistinctReporters(3, {
        receivedAt: '2026-11-20T12:00:00.000Z',
        unregisteredDomains: ['spam.example'],
        feedbackType: 'fraud',
      }),
      reportRecord({ confidence: 'weak', senderDomain: 'lookalike.example' }),
    ];
    deps.records.reports.push(...reports);
    await scoreReports(reports, deps, NOW);
    const explanation = await explainTenant('tenant-a', deps, NOW);
    expect(explanation).toMatchObject({ state: 'active', reportsConsidered: 8, reportsCounted: 7 });
    expect(explanation.contributors.domains).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'spam.example', count: 3, registered: false }),
        expect.objectContaining({ key: 'tenant-a.example', count: 4, registered: true }),
        expect.objectContaining({ key: 'lookalike.example', count: 1, score: 0, registered: false }),
      ]),
    );
    expect(explanation.contributors.feedbackTypes[0]).toMatchObject({ key: 'fraud', count: 3 });
    expect(explanation.contributors.sourceIps).toContainEqual(
      expect.objectContaining({ key: '198.51.100.7', count: 4 }),
    );
    // user0…user3 reported in both groups, plus the weak report's reporter.
    expect(explanation.contributors.reporters).toHaveLength(5);
    expect(explanation.summary).toContain('Domains the tenant has not registered: spam.example');
  });

  it('explains a tenant it knows nothing about as active with a zero score', async () => {
    const deps = createInMemoryScoringDeps();
    expect(await explainTenant('ghost', deps, NOW)).toMatchObject({
      known: false,
      state: 'active',
      score: 0,
    });
  });
});

describe('topTenants', () => {
  it('orders tenants by current score, whenever each was last scored', async () => {
    const deps = createInMemoryScoringDeps({ tenants: [testTenant('early'), testTenant('late')] });
    // 8 reports two days ago (now worth 2) rank below 3 reports just now (worth 3).
    await scoreReports(
      reportsFromDistinctReporters(8, { tenantId: 'early', receivedAt: '2026-11-18T13:00:00.000Z' }),
      deps,
      '2026-11-18T13:00:00.000Z',
    );
    await scoreReports(reportsFromDistinctReporters(3, { tenantId: 'late', receivedAt: NOW }), deps, NOW);
    const top = await topTenants(deps, 10, NOW);
    expect(top.map((view) => view.tenantId)).toEqual(['late', 'early']);
    expect(top[1]?.score).toBeCloseTo(2, 9);
  });
});
