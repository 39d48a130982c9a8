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

  it('counts duplicates of one message in every count, saying how many distinct messages they are', async () => {
    const deps = createInMemoryScoringDeps();
    const spec = {
      receivedAt: '2026-11-20T12:00:00.000Z',
      fingerprint: 'same-message',
      reporter: 'ann@isp.example',
    };
    const reports = [reportRecord({ ...spec, id: 'r1' }), reportRecord({ ...spec, id: 'r2' })];
    deps.records.reports.push(...reports);
    await scoreReports(reports, deps, NOW);
    const explanation = await explainTenant('tenant-a', deps, NOW);
    expect(explanation).toMatchObject({ reportsConsidered: 2, reportsDistinct: 1, reportsCounted: 1 });
    expect(explanation.contributors.reporters[0]).toMatchObject({ count: 2, distinct: 1 });
    expect(explanation.summary).toContain(
      'Of 2 recent reports (1 distinct message), 1 counts toward a restriction.',
    );
    expect(explanation.summary).toMatch(
      /Top reporter: \S+ — 2 reports \(1 distinct message\), score 0\.97\./,
    );
  });

  it('pluralises a single report', async () => {
    const deps = createInMemoryScoringDeps();
    const reports = [reportRecord({ receivedAt: NOW })];
    deps.records.reports.push(...reports);
    await scoreReports(reports, deps, NOW);
    const { summary } = await explainTenant('tenant-a', deps, NOW);
    expect(summary).toContain('1 of 1 recent report counts toward a restriction.');
    expect(summary).toMatch(/Top reporter: \S+ — 1 report, score 1\.00\./);
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
