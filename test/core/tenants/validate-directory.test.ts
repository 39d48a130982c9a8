import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createInMemoryTenantDirectory,
  domainMatches,
  ipInRange,
  networkAddress,
  parseIpRange,
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

describe('validateDirectory against a pairwise oracle', () => {
  const ownerOf = fc.constantFrom('a', 'b', 'c');
  const cidr = fc
    .tuple(
      fc.integer({ min: 0, max: 255 }),
      fc.integer({ min: 0, max: 255 }),
      fc.integer({ min: 20, max: 32 }),
    )
    .map(([x, y, bits]) => {
      const range = `10.7.${x}.${y}/${bits}`;
      return `${networkAddress(parseIpRange(range)!)}/${bits}`;
    });
  const domain = fc
    .tuple(
      fc.constantFrom('', 'mail.', 'x.mail.'),
      fc.constantFrom('one.example', 'two.example'),
      fc.boolean(),
    )
    .map(([sub, base, includeSubdomains]) => ({ domain: `${sub}${base}`, includeSubdomains }));

  function overlapsPairwise(claims: { owner: string; range: string }[]): boolean {
    return claims.some((a, i) =>
      claims.slice(i + 1).some((b) => {
        const ra = parseIpRange(a.range)!;
        const rb = parseIpRange(b.range)!;
        return (
          a.owner !== b.owner &&
          (ipInRange(rb.address.toString(), a.range) || ipInRange(ra.address.toString(), b.range))
        );
      }),
    );
  }

  it('refuses exactly the directories whose ranges of different tenants overlap', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(ownerOf, cidr), { maxLength: 8 }), (pairs) => {
        const claims = pairs.map(([owner, range]) => ({ owner, range }));
        const tenants = ['a', 'b', 'c'].map((id) =>
          tenant({
            tenantId: id,
            dedicatedIps: [...new Set(claims.filter((c) => c.owner === id).map((c) => c.range))],
          }),
        );
        if (overlapsPairwise(claims)) expect(() => validateDirectory(tenants)).toThrow(TenantValidationError);
        else expect(() => validateDirectory(tenants)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('refuses exactly the directories where a domain has two possible owners', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(ownerOf, domain), { maxLength: 6 }), (pairs) => {
        const byOwner = new Map<string, { domain: string; includeSubdomains: boolean }[]>();
        for (const [owner, accepted] of pairs) {
          const list = byOwner.get(owner) ?? [];
          if (!list.some((d) => d.domain === accepted.domain)) list.push(accepted);
          byOwner.set(owner, list);
        }
        const tenants = [...byOwner].map(([id, acceptedDomains]) =>
          tenant({ tenantId: id, acceptedDomains }),
        );
        const claims = tenants.flatMap((t) =>
          t.acceptedDomains.map((accepted) => ({ owner: t.tenantId, accepted })),
        );
        const conflict = claims.some((a) =>
          claims.some(
            (b) =>
              a.owner !== b.owner &&
              (a.accepted.domain === b.accepted.domain || domainMatches(b.accepted, a.accepted.domain)),
          ),
        );
        if (conflict) expect(() => validateDirectory(tenants)).toThrow(TenantValidationError);
        else expect(() => validateDirectory(tenants)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
