import { describe, expect, it } from 'vitest';
import { attributeMessage } from '../../../shared/core/attribute/index.ts';
import type { TenantDirectory } from '../../../shared/core/ports.ts';
import { authoredMessage, deliver, TEST_PLATFORM, toReportedMessage } from '../../support/mail-builder.ts';
import { ACME_IP, ATTACKER_IP, spam } from './labeled-case.ts';
import { LABELED_TENANTS, labeledDirectory } from './labeled-tenants.ts';

/** The labeled directory, counting IP look-ups, optionally answering every IP with two owners (a broken store). */
function countingDirectory(options: { twoOwners?: boolean } = {}): TenantDirectory & { ipLookups: number } {
  const inner = labeledDirectory();
  const directory = {
    ipLookups: 0,
    getTenant: (id: string) => inner.getTenant(id),
    findTenantByDomain: (domain: string) => inner.findTenantByDomain(domain),
    async findTenantsByIp(ip: string) {
      directory.ipLookups++;
      return options.twoOwners ? LABELED_TENANTS.slice(0, 2) : inner.findTenantsByIp(ip);
    },
  };
  return directory;
}

describe('dedicated-IP signals', () => {
  it('looks up at most ten Received client addresses however many hops a sender wrote', async () => {
    const mail = spam();
    for (let i = 1; i <= 40; i++) {
      mail.prepend(
        'Received',
        `from h${i} (h${i} [198.18.0.${i}]) by mx${i}.example; Tue, 24 Nov 2026 09:00:00 +0000`,
      );
    }
    const directory = countingDirectory();
    await attributeMessage(toReportedMessage(deliver(mail, ATTACKER_IP)), {
      directory,
      platform: TEST_PLATFORM,
    });
    expect(directory.ipLookups).toBeLessThanOrEqual(11);
  });

  it('names no tenant when a store answers two owners for the reporter’s Source-IP', async () => {
    const message = toReportedMessage(deliver(spam(), ACME_IP), { sourceIp: ACME_IP });
    const directory = countingDirectory({ twoOwners: true });
    const attribution = await attributeMessage(message, { directory, platform: TEST_PLATFORM });
    const signal = attribution.signals.find((s) => s.kind === 'platform-hop' && s.value === ACME_IP);
    expect(signal).toMatchObject({
      verdict: 'no-match',
      detail: expect.stringMatching(/claimed .* by 2 tenants/),
    });
    expect(signal?.tenantId).toBeUndefined();
    expect(attribution.outcome).toBe('unattributed');
  });

  it('records one signal per address when the Source-IP repeats the recipient’s top hop', async () => {
    const message = toReportedMessage(deliver(authoredMessage(), ACME_IP), { sourceIp: ACME_IP });
    const attribution = await attributeMessage(message, {
      directory: labeledDirectory(),
      platform: TEST_PLATFORM,
    });
    expect(attribution.signals.filter((s) => s.value === ACME_IP).map((s) => s.verdict)).toEqual([
      'supports',
    ]);
  });

  it('records nothing for addresses that are no tenant’s dedicated IP', async () => {
    const message = toReportedMessage(deliver(spam(), ATTACKER_IP), { sourceIp: ATTACKER_IP });
    const attribution = await attributeMessage(message, {
      directory: labeledDirectory(),
      platform: TEST_PLATFORM,
    });
    expect(attribution.signals.filter((s) => s.kind === 'platform-hop')).toEqual([]);
  });
});
