import { describe, expect, it } from 'vitest';
import { REMEDIATION_CHECKLIST } from '../../../shared/core/model/index.ts';
import { checkSending } from '../../../shared/core/restrictions/check-sending.ts';
import { evaluateTenant } from '../../../shared/core/restrictions/evaluate-tenant.ts';
import { liftRestriction } from '../../../shared/core/restrictions/lift-restriction.ts';
import { reevaluateTenants } from '../../../shared/core/restrictions/reevaluate-tenants.ts';
import { scoreReports } from '../../../shared/core/score/score-reports.ts';
import { auditTrail } from '../../../shared/core/score/tenant-queries.ts';
import { createInMemoryScoringDeps } from '../../support/in-memory-scoring-stores.ts';
import { reportsFromDistinctReporters } from '../../support/report-records.ts';

const RESTRICTED_AT = '2026-11-20T13:00:00.000Z';
const LIFTED_AT = '2026-11-20T15:00:00.000Z';
const at = (hours: number) => new Date(Date.parse(LIFTED_AT) + hours * 3_600_000).toISOString();
const lift = {
  tenantId: 'tenant-a',
  actor: 'analyst@desk',
  reason: 'cleaned up',
  checklist: [...REMEDIATION_CHECKLIST],
};

async function restrictedTenant() {
  const deps = createInMemoryScoringDeps();
  await scoreReports(
    reportsFromDistinctReporters(25, { receivedAt: '2026-11-20T12:30:00.000Z' }),
    deps,
    RESTRICTED_AT,
  );
  return deps;
}

describe('liftRestriction', () => {
  it('refuses without the whole remediation checklist, an actor or a reason', async () => {
    const deps = await restrictedTenant();
    expect(
      await liftRestriction({ ...lift, checklist: REMEDIATION_CHECKLIST.slice(1) }, deps, LIFTED_AT),
    ).toMatchObject({
      lifted: false,
      reason: 'checklist-incomplete',
    });
    expect(await liftRestriction({ ...lift, actor: ' ' }, deps, LIFTED_AT)).toMatchObject({
      reason: 'actor-missing',
    });
    expect(await liftRestriction({ ...lift, reason: '' }, deps, LIFTED_AT)).toMatchObject({
      reason: 'reason-missing',
    });
    expect(await checkSending('tenant-a', 'tenant-a.example', deps, LIFTED_AT)).toMatchObject({
      allowed: false,
    });
  });

  it('refuses to lift a tenant that is not restricted', async () => {
    const deps = createInMemoryScoringDeps();
    expect(await liftRestriction(lift, deps, LIFTED_AT)).toMatchObject({
      lifted: false,
      reason: 'not-restricted',
    });
  });

  it('lifts into probation, forgiving the score that led to the restriction', async () => {
    const deps = await restrictedTenant();
    const outcome = await liftRestriction(lift, deps, LIFTED_AT);
    expect(outcome).toMatchObject({
      lifted: true,
      standing: { state: 'probation', probationUntil: at(14 * 24) },
    });
    expect(await checkSending('tenant-a', 'tenant-a.example', deps, LIFTED_AT)).toEqual({
      allowed: true,
      state: 'probation',
    });
    expect((await evaluateTenant('tenant-a', deps, at(1))).state).toBe('probation');
  });

  it('restricts again during probation at half the usual threshold', async () => {
    const deps = await restrictedTenant();
    await liftRestriction(lift, deps, LIFTED_AT);
    const fresh = reportsFromDistinctReporters(11, { receivedAt: at(1), tenantId: 'tenant-a' }).map(
      (report, i) => ({
        ...report,
        reportId: `after-${i}`,
        fingerprint: `after-${i}`,
      }),
    );
    await scoreReports(fresh, deps, at(1));
    expect(await checkSending('tenant-a', 'tenant-a.example', deps, at(1))).toMatchObject({
      allowed: false,
      kind: 'tenant-threshold',
    });
  });

  it('returns to active when probation ends without new reports', async () => {
    const deps = await restrictedTenant();
    await liftRestriction(lift, deps, LIFTED_AT);
    expect((await evaluateTenant('tenant-a', deps, at(15 * 24))).state).toBe('active');
  });

  it('records every transition and the lift in the audit trail with time, actor and reason', async () => {
    const deps = await restrictedTenant();
    await liftRestriction(lift, deps, LIFTED_AT);
    await evaluateTenant('tenant-a', deps, at(15 * 24));
    const trail = (await auditTrail('tenant-a', deps)).items;
    expect(trail.map((entry) => [entry.action, entry.actor, entry.at])).toEqual([
      ['probation-ended', 'system', at(15 * 24)],
      ['lifted', 'analyst@desk', LIFTED_AT],
      ['restricted', 'system', RESTRICTED_AT],
    ]);
    expect(trail[1]).toMatchObject({
      reason: 'cleaned up',
      details: { checklist: [...REMEDIATION_CHECKLIST] },
    });
    expect(trail[2]?.reason).toMatch(/reached the restrict threshold 20\.00/);
  });

  it('sends one notice per state change to the admin contact, with the SMTP code and remediation steps', async () => {
    const deps = await restrictedTenant();
    await evaluateTenant('tenant-a', deps, RESTRICTED_AT);
    await scoreReports(
      reportsFromDistinctReporters(25, { receivedAt: '2026-11-20T12:30:00.000Z' }),
      deps,
      RESTRICTED_AT,
    );
    expect(deps.notifier.sent).toHaveLength(1);
    const notice = deps.notifier.sent[0]!;
    expect(notice).toMatchObject({ to: 'admin@tenant-a.example', key: 'tenant-a:v1:restricted' });
    expect(notice.text).toContain('550 5.7.705 Access denied, tenant has exceeded threshold');
    expect(notice.text).toContain('admin-mfa-enabled');
  });
});

describe('reevaluateTenants', () => {
  it('clears a warning once the score has decayed, without new reports', async () => {
    const deps = createInMemoryScoringDeps();
    await scoreReports(reportsFromDistinctReporters(12, { receivedAt: RESTRICTED_AT }), deps, RESTRICTED_AT);
    expect((await deps.standings.getStanding('tenant-a'))?.state).toBe('warned');
    expect(await reevaluateTenants(deps, at(24))).toBe(0);
    expect(await reevaluateTenants(deps, at(3 * 24))).toBe(1);
    expect((await deps.standings.getStanding('tenant-a'))?.state).toBe('active');
  });
});
