import { describe, expect, it } from 'vitest';
import { attributeMessage, formatAttribution } from '../../../shared/core/attribute/index.ts';
import { TEST_PLATFORM } from '../../support/mail-builder.ts';
import { DEDICATED_IP_CASES } from './labeled-cases-dedicated-ip.ts';
import { DOMAIN_CASES } from './labeled-cases-domains.ts';
import { PLATFORM_HOP_CASES } from './labeled-cases-platform-hop.ts';
import { TENANT_HEADER_CASES } from './labeled-cases-tenant-header.ts';
import { labeledDirectory, resolveInitechKey } from './labeled-tenants.ts';

const CASES = [...TENANT_HEADER_CASES, ...PLATFORM_HOP_CASES, ...DEDICATED_IP_CASES, ...DOMAIN_CASES];
const context = { directory: labeledDirectory(), platform: TEST_PLATFORM, resolveKey: resolveInitechKey };

describe('labeled attribution suite', () => {
  it('holds at least 40 labeled messages with distinct names', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('attributes %s as labeled', async (_name, labeled) => {
    const attribution = await attributeMessage(labeled.message(), context);
    const expected = labeled.expected;
    const explained = `\n${formatAttribution(attribution)}`;
    if (expected.outcome === 'unattributed') {
      expect(
        attribution.outcome === 'unattributed' ? attribution.reason : attribution.outcome,
        explained,
      ).toBe(expected.reason);
      return;
    }
    expect(attribution.outcome, explained).toBe('attributed');
    if (attribution.outcome !== 'attributed') return;
    expect(
      {
        tenantId: attribution.tenantId,
        confidence: attribution.confidence,
        decidingSignal: attribution.decidingSignal,
      },
      explained,
    ).toEqual({
      tenantId: expected.tenantId,
      confidence: expected.confidence,
      decidingSignal: expected.decidingSignal,
    });
    expect(attribution.restrictCapable).toBe(expected.confidence !== 'weak');
    expect(attribution.unregisteredDomains, explained).toEqual(expected.unregisteredDomains ?? []);
    expect(attribution.unregisteredDomainRelay).toBe((expected.unregisteredDomains ?? []).length > 0);
  });

  it.each(CASES.filter((c) => c.signal !== undefined).map((c) => [c.name, c] as const))(
    'records how "%s" weighed the labeled signal',
    async (_name, labeled) => {
      const attribution = await attributeMessage(labeled.message(), context);
      const { detail, ...wanted } = labeled.signal!;
      const found = attribution.signals.filter((s) => s.kind === wanted.kind && s.value === wanted.value);
      expect(found, `\n${formatAttribution(attribution)}`).toHaveLength(1);
      const [signal] = found;
      expect({
        kind: signal?.kind,
        value: signal?.value,
        verdict: signal?.verdict,
        tenantId: signal?.tenantId,
      }).toEqual({
        tenantId: undefined,
        ...wanted,
      });
      expect(signal?.detail).toMatch(detail);
    },
  );

  it.each(CASES.filter((c) => c.hostile).map((c) => [c.name, c] as const))(
    'never lets the forged or foreign message "%s" restrict a tenant',
    async (_name, labeled) => {
      const attribution = await attributeMessage(labeled.message(), context);
      expect(attribution.outcome === 'attributed' && attribution.restrictCapable).toBe(false);
    },
  );

  it.each(CASES.filter((c) => c.framed !== undefined).map((c) => [c.name, c] as const))(
    'never blames the framed tenant in "%s"',
    async (_name, labeled) => {
      const attribution = await attributeMessage(labeled.message(), context);
      expect(attribution.outcome === 'attributed' && attribution.tenantId).not.toBe(labeled.framed);
    },
  );

  it('records a verdict and a one-sentence detail for every signal', async () => {
    for (const labeled of CASES) {
      const attribution = await attributeMessage(labeled.message(), context);
      for (const signal of attribution.signals) {
        expect(signal.detail).toMatch(/^[A-Z0-9].*\.$/);
        expect(signal.detail.split(/\.\s+[A-Z]/).length).toBe(1);
      }
      expect(attribution.explanation.length).toBeGreaterThan(20);
    }
  });
});
