import { describe, expect, it } from 'vitest';
import {
  createInMemoryTenantDirectory,
  parseTenantDocument,
  TenantValidationError,
  validateDirectory,
  validateTenant,
} from '../../../shared/core/tenants/index.ts';

const NOW = '2026-11-25T00:00:00.000Z';
const tenant = (input: Record<string, unknown>) => validateTenant({ name: 'n', ...input }, NOW);

describe('validateDirectory', () => {
  it('accepts tenants with distinct domains and ranges', () => {
    expect(() =>
      validateDirectory([
        tenant({ tenantId: 'a', acceptedDomains: ['a.example'], dedicatedIps: ['192.0.2.0/29'] }),
        tenant({ tenantId: 'b', acceptedDomains: ['b.example'], dedicatedIps: ['192.0.2.8/29'] }),
      ]),
    ).not.toThrow();
  });

  it.each([
    ['the same domain', ['a.example'], ['a.example'], [], []],
    [
      'a subdomain of a parent registered with subdomains',
      [{ domain: 'a.example', includeSubdomains: true }],
      ['mail.a.example'],
      [],
      [],
    ],
    ['overlapping IPv4 ranges', ['a.example'], ['b.example'], ['192.0.2.0/24'], ['192.0.2.77']],
    ['overlapping IPv6 ranges', ['a.example'], ['b.example'], ['2001:db8::/32'], ['2001:db8:1::/48']],
  ])('rejects two tenants claiming %s', (_what, domainsA, domainsB, ipsA, ipsB) => {
    const a = tenant({ tenantId: 'a', acceptedDomains: domainsA, dedicatedIps: ipsA });
    const b = tenant({ tenantId: 'b', acceptedDomains: domainsB, dedicatedIps: ipsB });
    expect(() => validateDirectory([a, b])).toThrow(TenantValidationError);
  });

  it('rejects a duplicate tenant id', () => {
    expect(() => validateDirectory([tenant({ tenantId: 'a' }), tenant({ tenantId: 'a' })])).toThrow(
      /tenants\[1\]\.tenantId/,
    );
  });

  it('lets one tenant register a parent and its subdomain', () => {
    const a = tenant({
      tenantId: 'a',
      acceptedDomains: [{ domain: 'a.example', includeSubdomains: true }, 'mail.a.example'],
    });
    expect(() => validateDirectory([a])).not.toThrow();
  });
});

describe('createInMemoryTenantDirectory', () => {
  const directory = createInMemoryTenantDirectory([
    tenant({
      tenantId: 'a',
      acceptedDomains: [{ domain: 'a.example', includeSubdomains: true }],
      dedicatedIps: ['2001:db8::/64'],
    }),
    tenant({ tenantId: 'b', acceptedDomains: ['b.example'], dedicatedIps: ['192.0.2.9'] }),
  ]);

  it('looks tenants up by id, domain, subdomain and IP', async () => {
    expect((await directory.getTenant('b'))?.name).toBe('n');
    expect((await directory.findTenantByDomain('deep.sub.A.example'))?.tenant.tenantId).toBe('a');
    expect(await directory.findTenantByDomain('sub.b.example')).toBeUndefined();
    expect((await directory.findTenantsByIp('2001:db8::42')).map((t) => t.tenantId)).toEqual(['a']);
    expect(await directory.findTenantsByIp('192.0.2.10')).toEqual([]);
  });
});

describe('parseTenantDocument', () => {
  it('reads a JSON list', () => {
    expect(parseTenantDocument('[{"tenantId":"a","name":"A"}]')).toEqual([{ tenantId: 'a', name: 'A' }]);
  });

  it('reads YAML with a tenants key', () => {
    const text = 'tenants:\n  - tenantId: a\n    name: A\n    acceptedDomains: [a.example]\n';
    expect(parseTenantDocument(text)).toEqual([{ tenantId: 'a', name: 'A', acceptedDomains: ['a.example'] }]);
  });

  it('names the document when it is neither', () => {
    expect(() => parseTenantDocument('{"tenants": 3}')).toThrow(/^document: /);
    expect(() => parseTenantDocument('[unclosed')).toThrow(TenantValidationError);
  });
});
