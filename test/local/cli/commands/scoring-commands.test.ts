import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { checkCommand } from '../../../../local/cli/commands/check.ts';
import { liftCommand } from '../../../../local/cli/commands/lift.ts';
import { showPolicyCommand } from '../../../../local/cli/commands/policy.ts';
import {
  formatStandings,
  listRestrictionsCommand,
  topTenantsCommand,
} from '../../../../local/cli/commands/restrictions.ts';
import { scoreCommand } from '../../../../local/cli/commands/score.ts';
import { REMEDIATION_CHECKLIST } from '../../../../shared/core/model/index.ts';
import { DEFAULT_POLICY } from '../../../../shared/core/score/policy.ts';
import { scoreReports } from '../../../../shared/core/score/score-reports.ts';
import { createInMemoryScoringDeps, testTenant } from '../../../support/in-memory-scoring-stores.ts';
import { reportsFromDistinctReporters } from '../../../support/report-records.ts';

const NOW = '2026-11-20T13:00:00.000Z';

async function restrictedDeps() {
  const deps = createInMemoryScoringDeps({
    tenants: [testTenant('tenant-a'), testTenant('tenant-b', { policy: { restrictThreshold: 40 } })],
  });
  const reports = reportsFromDistinctReporters(25, { receivedAt: '2026-11-20T12:00:00.000Z' });
  deps.records.reports.push(...reports);
  await scoreReports(reports, deps, NOW);
  return deps;
}

describe('scoring commands', () => {
  it('score prints the state, thresholds and top contributors', async () => {
    const deps = await restrictedDeps();
    const { known, text } = await scoreCommand(deps, 'tenant-a', {}, NOW);
    expect(known).toBe(true);
    expect(text).toMatch(
      /Tenant tenant-a is restricted: score 2\d\.\d\d \(warn at 10\.00, restrict at 20\.00\)/,
    );
    expect(text).toContain('550 5.7.705 Access denied, tenant has exceeded threshold');
    expect(text).toMatch(/feedbackTypes:\n\s+[\d.]+\s+25×\s+abuse/);
    expect(text).toMatch(/tenant-a\.example {2}registered/);
    const json = JSON.parse((await scoreCommand(deps, 'tenant-a', { json: true }, NOW)).text);
    expect(json).toMatchObject({ tenantId: 'tenant-a', state: 'restricted', reportsCounted: 25 });
  });

  it('score says a tenant nothing knows is unknown instead of explaining it as active', async () => {
    const deps = await restrictedDeps();
    const { known, text } = await scoreCommand(deps, 'nosuchtenant', {}, NOW);
    expect(known).toBe(false);
    expect(text).toBe(
      'unknown tenant: nosuchtenant (not in the tenant directory, never scored, no reports)\n',
    );
  });

  it('score explains what counts since a lift, not the forgiven reports before it', async () => {
    const deps = await restrictedDeps();
    const checklist = REMEDIATION_CHECKLIST.join(',');
    await liftCommand(deps, 'tenant-a', { reason: 'secured', actor: 'ana', checklist }, NOW);
    const { text } = await scoreCommand(deps, 'tenant-a', {}, NOW);
    expect(text).toMatch(/^Tenant tenant-a is on probation: score 0\.00 /);
    expect(text).toContain(
      `Since the lift on ${NOW} (it forgave the score before it, so only later reports count):\nNo reports.`,
    );
    expect(text).not.toMatch(/Top reporter|feedbackTypes:/);
  });

  it('restrictions list shows a 5.7.750 block beside the state of a tenant that is only warned', async () => {
    const views = [
      {
        tenantId: 'initech',
        known: true,
        score: 12,
        rawScore: 12,
        state: 'warned' as const,
        warnThreshold: 10,
        restrictThreshold: 20,
        unregisteredScore: 6,
        unregisteredThreshold: 5,
        thresholdBasis: [],
        restrictions: [
          {
            kind: 'unregistered-domains' as const,
            since: NOW,
            smtpReply:
              '550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains',
            scoreAtRestriction: 6,
          },
        ],
        version: 3,
      },
    ];
    expect(formatStandings(views, 'none')).toMatch(
      /\ninitech\s+warned\s+12\.00\/20\.00\s+5\.7\.750 unregistered domains since 2026-11-20T13:00:00\.000Z\n$/,
    );
  });

  it('check prints the exact SMTP reply when refused and "allowed" otherwise', async () => {
    const deps = await restrictedDeps();
    expect((await checkCommand(deps, 'tenant-a', 'tenant-a.example', NOW)).text).toBe(
      '550 5.7.705 Access denied, tenant has exceeded threshold\n',
    );
    expect((await checkCommand(deps, 'tenant-b', 'tenant-b.example', NOW)).text).toBe('allowed (active)\n');
  });

  it('restrictions list shows restricted tenants only, and top orders by score', async () => {
    const deps = await restrictedDeps();
    const list = await listRestrictionsCommand(deps, false, NOW);
    expect(list).toMatch(
      /^TENANT\s+STATE\s+SCORE\/LIMIT\s+RESTRICTIONS IN FORCE\ntenant-a\s+restricted\s+2\d\.\d\d\/20\.00\s+5\.7\.705 tenant threshold since 2026-11-20T13:00:00\.000Z\n$/,
    );
    expect(await topTenantsCommand(deps, 5, false, NOW)).toMatch(/^TENANT .*\ntenant-a /);
  });

  it('lift refuses an incomplete or unknown checklist by name, and lifts with the whole one', async () => {
    const deps = await restrictedDeps();
    const options = { reason: 'secured', actor: 'ana', checklist: 'connectors-reviewed' };
    expect((await liftCommand(deps, 'tenant-a', options, NOW)).text).toMatch(
      /^not lifted: checklist must confirm: accepted-domains-registered/,
    );
    expect((await liftCommand(deps, 'tenant-a', { ...options, checklist: 'mfa' }, NOW)).text).toMatch(
      /checklist has unknown items \(mfa\).*checklist must confirm: /,
    );
    const lifted = await liftCommand(
      deps,
      'tenant-a',
      { ...options, checklist: REMEDIATION_CHECKLIST.join(',') },
      NOW,
    );
    expect(lifted.text).toBe('lifted: tenant-a is on probation until 2026-12-04T13:00:00.000Z\n');
  });

  it('policy show prints the platform defaults, or a tenant’s policy with its overrides', async () => {
    const deps = await restrictedDeps();
    expect(parseYaml(await showPolicyCommand(deps, { format: 'yaml' }))).toEqual(DEFAULT_POLICY);
    const tenantB = JSON.parse(await showPolicyCommand(deps, { tenant: 'tenant-b', format: 'json' }));
    expect(tenantB).toMatchObject({ restrictThreshold: 40, warnThreshold: 20 });
  });
});
