import { describe, expect, it } from 'vitest';
import { AppConfigError, type ContextKey, readAppConfig } from '../../infra/app-config.ts';

const read = (context: Partial<Record<ContextKey, unknown>>) => readAppConfig((key) => context[key]);

describe('readAppConfig', () => {
  it('fills every key with a default so synth works without context', () => {
    expect(read({})).toEqual({
      stage: 'dev',
      domain: 'abuse.example.com',
      reportingAddresses: ['junk@abuse.example.com'],
      signingKeys: [],
      tenantHeader: 'X-Tenant-Id',
      relayHosts: [],
      relayIps: [],
      trustedAuthservIds: ['amazonses.com'],
      automatedFeeds: [],
      retentionDays: 90,
      alarmEmail: undefined,
      notificationsFrom: 'notifications@abuse.example.com',
      activateRuleSet: false,
      apiManageRoles: [],
      apiAuth: { type: 'iam' },
    });
  });

  it('reads lists given on the command line as JSON or comma-separated strings', () => {
    const config = read({
      domain: 'abuse.platform.example',
      reportingAddresses: 'junk@abuse.platform.example, fbl@abuse.platform.example',
      relayIps: '["192.0.2.0/28","2001:db8::/64"]',
      retentionDays: '30',
      activateRuleSet: 'true',
    });
    expect(config.reportingAddresses).toEqual(['junk@abuse.platform.example', 'fbl@abuse.platform.example']);
    expect(config.relayIps).toEqual(['192.0.2.0/28', '2001:db8::/64']);
    expect(config.retentionDays).toBe(30);
    expect(config.activateRuleSet).toBe(true);
  });

  it('reads signing keys as a JSON array and lower-cases their domains', () => {
    const config = read({
      signingKeys: [{ domain: 'Relay.Platform.Example', selector: 's1', publicKey: 'MIIBIjANB' }],
    });
    expect(config.signingKeys).toEqual([
      { domain: 'relay.platform.example', selector: 's1', publicKey: 'MIIBIjANB' },
    ]);
  });

  it('refuses a reporting address outside the SES domain, naming the key', () => {
    expect(() => read({ domain: 'abuse.example.com', reportingAddresses: 'junk@elsewhere.example' })).toThrow(
      /context "reportingAddresses": .*must be in abuse.example.com/,
    );
  });

  it.each([
    ['stage', 'Prod!'],
    ['domain', 'not a domain'],
    ['retentionDays', '0'],
    ['retentionDays', 'forever'],
    ['tenantHeader', 'X Tenant'],
    ['alarmEmail', 'nobody'],
    ['activateRuleSet', 'yes'],
    ['apiManageRoles', 'Abuse Admins'],
    ['signingKeys', '[{"domain":"x.example"}]'],
  ] as const)('refuses %s=%s with an AppConfigError naming the key', (key, value) => {
    expect(() => read({ [key]: value })).toThrow(AppConfigError);
    expect(() => read({ [key]: value })).toThrow(`context "${key}"`);
  });
});
