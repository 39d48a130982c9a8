import { describe, expect, it } from 'vitest';
import { checkSending, sendingStatus } from '../../../shared/core/restrictions/check-sending.ts';
import { scoreReports } from '../../../shared/core/score/score-reports.ts';
import { createInMemoryScoringDeps, testTenant } from '../../support/in-memory-scoring-stores.ts';
import { reportsFromDistinctReporters } from '../../support/report-records.ts';

const NOW = '2026-11-20T13:00:00.000Z';
const RECENT = '2026-11-20T12:30:00.000Z';

describe('checkSending', () => {
  it('allows a tenant it holds no standing for, as active', async () => {
    const deps = createInMemoryScoringDeps();
    expect(await checkSending('nobody-knows', 'x.example', deps, NOW)).toEqual({
      allowed: true,
      state: 'active',
    });
  });

  it('answers 550 5.7.705 with Exchange Online’s exact wording once the threshold is crossed', async () => {
    const deps = createInMemoryScoringDeps();
    await scoreReports(reportsFromDistinctReporters(25, { receivedAt: RECENT }), deps, NOW);
    expect(await checkSending('tenant-a', 'tenant-a.example', deps, NOW)).toEqual({
      allowed: false,
      state: 'restricted',
      kind: 'tenant-threshold',
      smtpReply: '550 5.7.705 Access denied, tenant has exceeded threshold',
    });
  });

  it('warns before it restricts and keeps sending allowed while warned', async () => {
    const deps = createInMemoryScoringDeps();
    await scoreReports(reportsFromDistinctReporters(12, { receivedAt: RECENT }), deps, NOW);
    expect(await checkSending('tenant-a', 'tenant-a.example', deps, NOW)).toEqual({
      allowed: true,
      state: 'warned',
    });
  });

  it('blocks only unregistered domains with 550 5.7.750 once unregistered-domain relays cross their threshold', async () => {
    const deps = createInMemoryScoringDeps({
      tenants: [testTenant('tenant-a', { policy: { restrictThreshold: 1000 } })],
    });
    const relays = reportsFromDistinctReporters(12, {
      receivedAt: RECENT,
      unregisteredDomains: ['spam.example'],
    });
    await scoreReports(relays, deps, NOW);
    expect(await checkSending('tenant-a', 'spam.example', deps, NOW)).toEqual({
      allowed: false,
      state: 'active',
      kind: 'unregistered-domains',
      smtpReply: '550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains',
    });
    expect(await checkSending('tenant-a', 'tenant-a.example', deps, NOW)).toMatchObject({ allowed: true });
    expect(await checkSending('tenant-a', 'mail.tenant-a.example', deps, NOW)).toMatchObject({
      allowed: true,
    });
    expect(await checkSending('tenant-a', undefined, deps, NOW)).toMatchObject({ allowed: false });
    // One code path for the HTTP route and the CLI: blanks, case and a trailing dot do not change the answer, and
    // an empty domain is a missing one, which a 5.7.750 block refuses.
    const check = (id: string, domain: string | undefined) => checkSending(id, domain, deps, NOW);
    expect(await sendingStatus('tenant-a', ' Tenant-A.Example. ', check)).toMatchObject({
      tenantId: 'tenant-a',
      fromDomain: 'tenant-a.example',
      allowed: true,
    });
    expect(await sendingStatus('tenant-a', '  ', check)).toMatchObject({
      fromDomain: null,
      allowed: false,
      kind: 'unregistered-domains',
    });
  });

  it('keeps the restriction after the score has decayed (sticky until lifted)', async () => {
    const deps = createInMemoryScoringDeps();
    await scoreReports(reportsFromDistinctReporters(25, { receivedAt: RECENT }), deps, NOW);
    const monthLater = '2026-12-20T13:00:00.000Z';
    await scoreReports(reportsFromDistinctReporters(1, { receivedAt: monthLater }), deps, monthLater);
    expect(await checkSending('tenant-a', 'tenant-a.example', deps, monthLater)).toMatchObject({
      allowed: false,
      kind: 'tenant-threshold',
    });
  });
});
