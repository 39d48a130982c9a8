/**
 * The look-up contract every TenantDirectory keeps: the DynamoDB store on each backend and the in-memory
 * directory (used by `attribute --tenants` and tests) answer the same questions the same way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCachedTenantDirectory } from '../../../shared/adapters/dynamodb/cached-tenant-directory.ts';
import { createDynamoTenantDirectory } from '../../../shared/adapters/dynamodb/tenant-directory-store.ts';
import type { Tenant } from '../../../shared/core/model/index.ts';
import type { TenantDirectory } from '../../../shared/core/ports.ts';
import { createInMemoryTenantDirectory } from '../../../shared/core/tenants/index.ts';
import { createTestTables, DYNAMO_BACKENDS, type DynamoBackend } from '../../support/dynamodb.ts';
import { sampleTenant } from './sample-records.ts';

const TENANTS: readonly Tenant[] = [
  sampleTenant('acme', {
    acceptedDomains: [
      { domain: 'acme.example', includeSubdomains: true },
      { domain: 'acme-mail.example', includeSubdomains: false },
    ],
    dedicatedIps: ['192.0.2.10', '198.51.100.0/28', '2001:db8:1::/48'],
  }),
  sampleTenant('globex', {
    acceptedDomains: [{ domain: 'globex.example', includeSubdomains: false }],
    dedicatedIps: ['10.16.0.0/12'],
  }),
];

const IMPLEMENTATIONS: readonly {
  readonly name: string;
  readonly open: () => Promise<{ directory: TenantDirectory; close: () => Promise<void> }>;
}[] = [
  {
    name: 'in-memory',
    open: async () => ({ directory: createInMemoryTenantDirectory(TENANTS), close: async () => {} }),
  },
  {
    name: 'cached in-memory',
    open: async () => ({
      directory: createCachedTenantDirectory(createInMemoryTenantDirectory(TENANTS)),
      close: async () => {},
    }),
  },
  ...DYNAMO_BACKENDS.map(({ name, start }) => ({
    name: `dynamodb on ${name}`,
    open: async () => {
      const backend: DynamoBackend = await start();
      const names = await createTestTables(backend.client);
      const store = createDynamoTenantDirectory({ client: backend.client, tableName: names.tenants });
      for (const tenant of TENANTS) await store.putTenant(tenant);
      return { directory: store, close: () => backend.stop() };
    },
  })),
];

describe.each(IMPLEMENTATIONS)('TenantDirectory contract: $name', ({ open }) => {
  let directory: TenantDirectory;
  let close: () => Promise<void> = async () => {};
  beforeAll(async () => {
    ({ directory, close } = await open());
  });
  afterAll(async () => {
    await close();
  });

  const byDomain = async (domain: string) => (await directory.findTenantByDomain(domain))?.tenant.tenantId;
  const byIp = async (ip: string) => (await directory.findTenantsByIp(ip)).map((t) => t.tenantId);

  it('gets tenants by id', async () => {
    expect((await directory.getTenant('acme'))?.name).toBe('Tenant acme');
    expect(await directory.getTenant('initech')).toBeUndefined();
  });

  it('matches accepted domains exactly and subdomains only where registered', async () => {
    expect(await byDomain('acme.example')).toBe('acme');
    expect(await byDomain('Deep.Mail.ACME.example.')).toBe('acme');
    expect(await byDomain('acme-mail.example')).toBe('acme');
    expect(await byDomain('x.acme-mail.example')).toBeUndefined();
    expect(await byDomain('x.globex.example')).toBeUndefined();
    expect(await byDomain('notacme.example')).toBeUndefined();
    expect(await byDomain('acme.example.evil.example')).toBeUndefined();
  });

  it('returns the accepted-domain entry that matched', async () => {
    expect((await directory.findTenantByDomain('a.acme.example'))?.accepted).toEqual({
      domain: 'acme.example',
      includeSubdomains: true,
    });
  });

  it('finds tenants by dedicated IPv4 and IPv6 addresses and ranges', async () => {
    expect(await byIp('192.0.2.10')).toEqual(['acme']);
    expect(await byIp('198.51.100.15')).toEqual(['acme']);
    expect(await byIp('198.51.100.16')).toEqual([]);
    expect(await byIp('2001:db8:1:ffff::1')).toEqual(['acme']);
    expect(await byIp('2001:db8:2::1')).toEqual([]);
    expect(await byIp('10.31.0.1')).toEqual(['globex']);
    expect(await byIp('::ffff:10.16.0.1')).toEqual(['globex']);
    expect(await byIp('garbage')).toEqual([]);
  });
});
