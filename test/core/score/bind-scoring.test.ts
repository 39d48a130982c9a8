import { describe, expect, it } from 'vitest';
import { REMEDIATION_CHECKLIST } from '../../../shared/core/model/index.ts';
import { bindScoring, LiftRejectedError } from '../../../shared/core/score/bind-scoring.ts';
import { DEFAULT_POLICY } from '../../../shared/core/score/policy.ts';
import { scoreReports } from '../../../shared/core/score/score-reports.ts';
import { createInMemoryScoringDeps } from '../../support/in-memory-scoring-stores.ts';
import { reportRecord, reportsFromDistinctReporters } from '../../support/report-records.ts';

const NOW = '2026-11-20T13:00:00.000Z';

describe('bindScoring', () => {
  it('answers the analyst API’s questions from the bound stores', async () => {
    const deps = createInMemoryScoringDeps();
    const reports = [
      ...reportsFromDistinctReporters(25, { receivedAt: '2026-11-20T12:00:00.000Z' }),
      reportRecord({ originalRcptTo: ['alice@example.net'] }),
    ];
    deps.records.reports.push(...reports);
    await scoreReports(reports, deps, NOW);
    const api = bindScoring(deps);
    expect(await api.checkSending('tenant-a', 'tenant-a.example', NOW)).toMatchObject({ allowed: false });
    expect((await api.listRestrictedTenants(NOW)).map((view) => view.tenantId)).toEqual(['tenant-a']);
    expect((await api.topTenants(5, NOW)).map((view) => view.tenantId)).toEqual(['tenant-a']);
    expect(await api.suppressionList('tenant-a')).toEqual(['alice@example.net']);
    expect(await api.policy()).toBe(DEFAULT_POLICY);
    const [before, after] = await api.scoreHistory('tenant-a', ['2026-11-20T11:00:00.000Z', NOW], NOW);
    expect(before?.score).toBe(0);
    expect(after?.score).toBeGreaterThan(20);
  });

  it('throws LiftRejectedError with the reason when a lift is refused, and lifts otherwise', async () => {
    const deps = createInMemoryScoringDeps();
    await scoreReports(
      reportsFromDistinctReporters(25, { receivedAt: '2026-11-20T12:00:00.000Z' }),
      deps,
      NOW,
    );
    const api = bindScoring(deps);
    const request = {
      tenantId: 'tenant-a',
      actor: 'ana',
      reason: 'fixed',
      checklist: REMEDIATION_CHECKLIST.slice(2),
    };
    await expect(api.liftRestriction(request, NOW)).rejects.toMatchObject({
      name: 'LiftRejectedError',
      reason: 'checklist-incomplete',
    });
    await expect(api.liftRestriction(request, NOW)).rejects.toBeInstanceOf(LiftRejectedError);
    await api.liftRestriction({ ...request, checklist: [...REMEDIATION_CHECKLIST] }, NOW);
    expect(await api.checkSending('tenant-a', 'tenant-a.example', NOW)).toEqual({
      allowed: true,
      state: 'probation',
    });
  });

  it('records an API audit entry once however often it is sent', async () => {
    const deps = createInMemoryScoringDeps();
    const api = bindScoring(deps);
    const entry = { tenantId: 'tenant-a', at: NOW, actor: 'ana', action: 'replay', reason: 'dlq' };
    await api.recordAudit(entry);
    await api.recordAudit(entry);
    expect((await api.auditTrail('tenant-a', {})).items).toEqual([entry]);
  });

  it('saves per-tenant policy overrides when the runtime can save tenants', async () => {
    const deps = createInMemoryScoringDeps();
    const saved: unknown[] = [];
    const api = bindScoring(deps, { putTenant: async (tenant) => void saved.push(tenant) });
    await api.setTenantPolicy?.('tenant-a', { restrictThreshold: 50 }, NOW);
    expect(saved).toEqual([
      expect.objectContaining({ tenantId: 'tenant-a', policy: { restrictThreshold: 50 } }),
    ]);
    expect(bindScoring(deps).setTenantPolicy).toBeUndefined();
  });
});
