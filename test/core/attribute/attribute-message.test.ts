import { describe, expect, it } from 'vitest';
import { attributeMessage, formatAttribution } from '../../../shared/core/attribute/index.ts';
import { parsePlatformConfig } from '../../../shared/core/platform/index.ts';
import {
  buildSignedMessage,
  deliver,
  platformMessage,
  TEST_PLATFORM,
  TEST_RELAY_HOST,
  TEST_RELAY_IP,
  toReportedMessage,
} from '../../support/mail-builder.ts';
import { ACME_IP, ATTACKER_IP, spam } from './labeled-case.ts';
import { labeledDirectory } from './labeled-tenants.ts';

const context = { directory: labeledDirectory(), platform: TEST_PLATFORM };

describe('attributeMessage', () => {
  it('records the sender, the submission client as source IP and the submission path', async () => {
    const message = toReportedMessage(deliver(platformMessage({ tenantId: 'acme', submissionIp: ACME_IP })));
    const attribution = await attributeMessage(message, context);
    expect(attribution.evidence).toEqual({
      senderAddress: 'alice@acme.example',
      senderDomain: 'acme.example',
      envelopeDomain: 'acme.example',
      fromDomain: 'acme.example',
      dkimDomains: ['platform.example'],
      sourceIp: ACME_IP,
      connector: `with ESMTPSA by ${TEST_RELAY_HOST}`,
    });
  });

  it('takes the connector from a configured connector header', async () => {
    const mail = platformMessage({ tenantId: 'acme' }).append(
      'X-MS-Exchange-Organization-AuthSource',
      'onprem-connector-3',
    );
    const attribution = await attributeMessage(toReportedMessage(deliver(mail)), context);
    expect(attribution.evidence.connector).toBe('X-MS-Exchange-Organization-AuthSource: onprem-connector-3');
  });

  it('ignores a connector header the platform does not vouch for', async () => {
    const mail = spam().append('X-MS-Exchange-Organization-AuthSource', 'onprem-connector-3');
    const attribution = await attributeMessage(toReportedMessage(deliver(mail, ATTACKER_IP)), context);
    expect(attribution.evidence.connector).toBeUndefined();
  });

  it('uses the reporter’s Source-IP as source IP when the trace is not the platform’s', async () => {
    const message = toReportedMessage(deliver(spam(), ATTACKER_IP), { sourceIp: ATTACKER_IP });
    const attribution = await attributeMessage(message, context);
    expect(attribution.evidence.sourceIp).toBe(ATTACKER_IP);
  });

  it('does not trust the trace of headers recovered from an inline quote', async () => {
    const parsed = toReportedMessage(deliver(platformMessage({ tenantId: 'acme', sign: false })));
    const quoted = { ...parsed, source: 'inline-quote' as const, confidence: 'low' as const };
    expect((await attributeMessage(parsed, context)).outcome).toBe('attributed');
    const attribution = await attributeMessage(quoted, context);
    expect(attribution.outcome === 'attributed' && attribution.restrictCapable).toBe(false);
  });

  it('reads the tenant header name from the configuration', async () => {
    const platform = parsePlatformConfig({ ...TEST_PLATFORM, tenantHeader: 'X-MS-Exchange-CrossTenant-Id' });
    const mail = platformMessage({ sign: false }).prepend('X-MS-Exchange-CrossTenant-Id', 'acme');
    mail.fields.push(mail.fields.shift()!);
    const message = toReportedMessage(deliver(mail));
    const attribution = await attributeMessage(message, { ...context, platform });
    expect(attribution.outcome === 'attributed' && attribution.decidingSignal).toBe('tenant-header');
  });

  it('explains a conflict naming both tenants', async () => {
    const message = toReportedMessage(deliver(spam('a@acme.example'), ATTACKER_IP, 'b@globex.example'));
    const attribution = await attributeMessage(message, context);
    expect(attribution.outcome === 'unattributed' && attribution.reason).toBe('conflict');
    expect(attribution.explanation).toMatch(/acme/);
    expect(attribution.explanation).toMatch(/globex/);
  });

  it('names the forged signals it discarded', async () => {
    const message = toReportedMessage(
      deliver(spam().prepend(TEST_PLATFORM.tenantHeader, 'acme'), ATTACKER_IP),
    );
    const attribution = await attributeMessage(message, context);
    expect(attribution.explanation).toMatch(/Discarded as untrusted: tenant-header acme\./);
  });

  it('records weaker signals naming another tenant as overruled', async () => {
    const message = toReportedMessage(
      deliver(platformMessage({ tenantId: 'acme', from: 'x@globex.example' })),
    );
    const attribution = await attributeMessage(message, context);
    expect(attribution.explanation).toMatch(/Overruled: envelope-domain names globex \(weak\)/);
    expect(attribution.outcome === 'attributed' && attribution.unregisteredDomains).toEqual([
      'globex.example',
    ]);
  });

  it('does not count the platform’s own bounce domain as an unregistered sending domain', async () => {
    const mail = deliver(
      platformMessage({ tenantId: 'acme' }),
      TEST_RELAY_IP,
      'bounces+x1@bounce.platform.example',
    );
    const attribution = await attributeMessage(toReportedMessage(mail), context);
    expect(attribution.outcome === 'attributed' && attribution.unregisteredDomainRelay).toBe(false);
  });

  it('does not take a tenant header as proof under a platform signature that expired before delivery', async () => {
    const signedAt = Date.parse('2026-11-10T00:00:00Z') / 1000;
    const replay = (expiration: number) =>
      toReportedMessage(
        deliver(
          platformMessage({ tenantId: 'acme', sign: { timestamp: signedAt, expiration } }),
          ATTACKER_IP,
        ),
      );
    const receivedAt = '2026-11-24T11:00:00Z';
    const fresh = await attributeMessage(replay(signedAt + 30 * 86_400), { ...context, receivedAt });
    expect(fresh.outcome === 'attributed' && fresh.confidence).toBe('proven');

    const expired = await attributeMessage(replay(signedAt + 7 * 86_400), { ...context, receivedAt });
    expect(expired.outcome === 'attributed' && expired.restrictCapable).toBe(false);
    const header = expired.signals.find((signal) => signal.kind === 'tenant-header');
    expect(header?.verdict).not.toBe('proves');
    expect(header?.detail).toMatch(/expired at 2026-11-17T00:00:00\.000Z/);
  });

  it('checks at most ten DKIM signatures', async () => {
    const mail = spam();
    for (let i = 0; i < 30; i++) mail.sign({ domain: `s${i}.example`, selector: 's' });
    const attribution = await attributeMessage(toReportedMessage(deliver(mail, ATTACKER_IP)), context);
    expect(attribution.signals.filter((signal) => signal.kind === 'dkim-domain')).toHaveLength(10);
  });
});

describe('formatAttribution', () => {
  it('prints the outcome, each signal with its verdict, the deciding one and the evidence', async () => {
    const message = toReportedMessage(deliver(platformMessage({ tenantId: 'acme', submissionIp: ACME_IP })));
    const text = formatAttribution(await attributeMessage(message, context));
    expect(text).toMatch(/^attributed: tenant acme, confidence proven\n {2}decided by: tenant-header\n/);
    expect(text).toContain('[proof] tenant-header acme -> acme <- decided');
    expect(text).toContain(`[proof] platform-hop ${ACME_IP} -> acme`);
    expect(text).toContain(`source ip: ${ACME_IP}`);
    expect(text).toMatch(/why:\n {2}Attributed to tenant acme \(proven\)/);
  });

  it('prints the reason of an unattributed message', async () => {
    const message = toReportedMessage(deliver(spam(), TEST_RELAY_IP));
    const text = formatAttribution(await attributeMessage(message, context));
    expect(text.split('\n')[0]).toBe('unattributed: not-our-mail');
    expect(text).toContain('shared relay address');
  });
});

describe('buildSignedMessage', () => {
  it('builds a relayed original that attributes to its tenant, proven', async () => {
    const raw = buildSignedMessage({ tenantId: 'globex', from: 'news@globex.example' });
    const attribution = await attributeMessage(toReportedMessage(raw), context);
    expect(attribution.outcome === 'attributed' && [attribution.tenantId, attribution.confidence]).toEqual([
      'globex',
      'proven',
    ]);
  });
});
