import { describe, expect, it } from 'vitest';
import type { Tenant } from '../../../shared/core/model/index.ts';
import { TenantValidationError, validateTenant } from '../../../shared/core/tenants/index.ts';

const NOW = '2026-11-25T00:00:00.000Z';

function errorOf(input: unknown): TenantValidationError {
  try {
    validateTenant(input, NOW);
  } catch (error) {
    if (error instanceof TenantValidationError) return error;
    throw error;
  }
  throw new Error('expected a TenantValidationError');
}

describe('validateTenant', () => {
  it('normalises domains, IPs and the admin contact', () => {
    const tenant = validateTenant(
      {
        tenantId: 'acme',
        name: ' Acme Corp ',
        acceptedDomains: [
          'Acme.EXAMPLE.',
          { domain: 'bücher.example', includeSubdomains: true },
          '*.acme.test',
        ],
        dedicatedIps: ['192.0.2.8', '2001:DB8:0:0::/64', '::ffff:198.51.100.1'],
        adminContact: 'Admin@ACME.example',
        policy: { restrictThreshold: 80 },
      },
      NOW,
    );
    expect(tenant).toEqual({
      tenantId: 'acme',
      name: 'Acme Corp',
      acceptedDomains: [
        { domain: 'acme.example', includeSubdomains: false },
        { domain: 'xn--bcher-kva.example', includeSubdomains: true },
        { domain: 'acme.test', includeSubdomains: true },
      ],
      dedicatedIps: ['192.0.2.8', '2001:db8::/64', '198.51.100.1'],
      adminContact: 'Admin@acme.example',
      policy: { restrictThreshold: 80 },
      createdAt: NOW,
      updatedAt: NOW,
    });
  });

  it('refuses a misspelt field instead of dropping its value, naming the field it resembles', () => {
    const base = { tenantId: 't9', name: 'T9', acceptedDomains: ['t9.example'] };
    const typo = errorOf({ ...base, dedicatedIp: ['192.0.2.1'] });
    expect([typo.field, typo.message]).toEqual([
      'dedicatedIp',
      expect.stringContaining('did you mean "dedicatedIps"?'),
    ]);
    expect(errorOf({ ...base, polcy: { restrictThreshold: 5 } }).message).toContain('did you mean "policy"?');
    expect(errorOf({ ...base, colour: 'red' }).message).toContain('known: tenantId, name');
  });

  it('suggests the network when a range has host bits set', () => {
    expect(errorOf({ tenantId: 'a', name: 'x', dedicatedIps: ['192.0.2.77/26'] }).message).toBe(
      'dedicatedIps[0]: 192.0.2.77/26 has host bits set; write 192.0.2.64/26',
    );
  });

  it('keeps the creation time of the existing tenant on update', () => {
    const existing: Tenant = validateTenant({ tenantId: 'acme', name: 'Acme' }, '2026-01-01T00:00:00.000Z');
    const updated = validateTenant({ tenantId: 'acme', name: 'Acme 2' }, NOW, existing);
    expect(updated.createdAt).toBe('2026-01-01T00:00:00.000Z');
    expect(updated.updatedAt).toBe(NOW);
  });

  it.each([
    [{ name: 'x' }, 'tenantId'],
    [{ tenantId: 'a b', name: 'x' }, 'tenantId'],
    [{ tenantId: 'a', name: '' }, 'name'],
    [
      { tenantId: 'a', name: 'x', acceptedDomains: ['ok.example', 'not a domain'] },
      'acceptedDomains[1].domain',
    ],
    [
      { tenantId: 'a', name: 'x', acceptedDomains: ['ok.example', 'OK.example'] },
      'acceptedDomains[1].domain',
    ],
    [
      { tenantId: 'a', name: 'x', acceptedDomains: [{ domain: 'a.example', includeSubdomains: 'yes' }] },
      'acceptedDomains[0].includeSubdomains',
    ],
    [{ tenantId: 'a', name: 'x', dedicatedIps: ['192.0.2.0/33'] }, 'dedicatedIps[0]'],
    [{ tenantId: 'a', name: 'x', dedicatedIps: ['192.0.2.5/24'] }, 'dedicatedIps[0]'],
    [{ tenantId: 'a', name: 'x', dedicatedIps: ['2001:db8::1/64'] }, 'dedicatedIps[0]'],
    [{ tenantId: 'a', name: 'x', adminContact: 'nobody' }, 'adminContact'],
    [{ tenantId: 'a', name: 'x', policy: { restrictThreshold: -1 } }, 'policy.restrictThreshold'],
    [{ tenantId: 'a', name: 'x', policy: { colour: 1 } }, 'policy.colour'],
    [
      { tenantId: 'a', name: 'x', policy: { warnThreshold: 90, restrictThreshold: 80 } },
      'policy.warnThreshold',
    ],
  ])('rejects %j naming the field %s', (input, field) => {
    const error = errorOf(input);
    expect(error.field).toBe(field);
    expect(error.message.startsWith(`${field}: `)).toBe(true);
  });

  it('refuses to change the id of an existing tenant', () => {
    const existing = validateTenant({ tenantId: 'acme', name: 'Acme' }, NOW);
    expect(() => validateTenant({ tenantId: 'other', name: 'Acme' }, NOW, existing)).toThrow(/tenantId/);
  });
});
