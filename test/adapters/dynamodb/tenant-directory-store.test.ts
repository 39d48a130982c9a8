import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IpRangeError } from '../../../shared/adapters/dynamodb/ip-buckets.ts';
import {
  createDynamoTenantDirectory,
  TenantConflictError,
  type TenantDirectoryStore,
} from '../../../shared/adapters/dynamodb/tenant-directory-store.ts';
import { createTestTables, DYNAMO_BACKENDS, type DynamoBackend } from '../../support/dynamodb.ts';
import { sampleTenant } from './sample-records.ts';

describe.each(DYNAMO_BACKENDS)('DynamoDB tenant directory on $name', ({ start }) => {
  let backend: DynamoBackend;
  let store: TenantDirectoryStore;

  beforeAll(async () => {
    backend = await start();
  });
  afterAll(async () => {
    await backend?.stop();
  });

  async function freshStore(): Promise<TenantDirectoryStore> {
    const names = await createTestTables(backend.client);
    store = createDynamoTenantDirectory({ client: backend.client, tableName: names.tenants });
    return store;
  }

  it('gets a tenant by id exactly as it was put', async () => {
    await freshStore();
    const tenant = sampleTenant('acme', {
      acceptedDomains: [{ domain: 'acme.example', includeSubdomains: false }],
      dedicatedIps: ['192.0.2.10'],
      adminContact: 'admin@acme.example',
      policy: { restrictThreshold: 20 },
    });
    await store.putTenant(tenant);
    expect(await store.getTenant('acme')).toEqual(tenant);
    expect(await store.getTenant('nobody')).toBeUndefined();
  });

  it('lists every tenant with a Query on the list index', async () => {
    await freshStore();
    for (const id of ['c', 'a', 'b']) await store.putTenant(sampleTenant(id));
    expect((await store.listTenants()).map((t) => t.tenantId)).toEqual(['a', 'b', 'c']);
  });

  it('finds a tenant by an exact accepted domain, case-insensitively and with a trailing dot', async () => {
    await freshStore();
    await store.putTenant(
      sampleTenant('acme', { acceptedDomains: [{ domain: 'acme.example', includeSubdomains: false }] }),
    );
    expect((await store.findTenantByDomain('ACME.example.'))?.tenant.tenantId).toBe('acme');
    expect(await store.findTenantByDomain('mail.acme.example')).toBeUndefined();
    expect(await store.findTenantByDomain('acme.example.evil')).toBeUndefined();
    expect(await store.findTenantByDomain('notacme.example')).toBeUndefined();
  });

  it('finds an internationalised domain whether asked in U-labels or A-labels', async () => {
    await freshStore();
    await store.putTenant(
      sampleTenant('books', {
        acceptedDomains: [{ domain: 'xn--bcher-kva.example', includeSubdomains: true }],
      }),
    );
    expect((await store.findTenantByDomain('Bücher.example'))?.tenant.tenantId).toBe('books');
    expect((await store.findTenantByDomain('mail.xn--bcher-kva.example'))?.tenant.tenantId).toBe('books');
  });

  it('finds a subdomain only when the parent was registered with includeSubdomains', async () => {
    await freshStore();
    await store.putTenant(
      sampleTenant('parent', { acceptedDomains: [{ domain: 'parent.example', includeSubdomains: true }] }),
    );
    const found = await store.findTenantByDomain('deep.mail.parent.example');
    expect(found?.tenant.tenantId).toBe('parent');
    expect(found?.accepted).toEqual({ domain: 'parent.example', includeSubdomains: true });
  });

  it('prefers the most specific registration when a subdomain belongs to another tenant', async () => {
    await freshStore();
    await store.putTenant(
      sampleTenant('parent', { acceptedDomains: [{ domain: 'parent.example', includeSubdomains: true }] }),
    );
    await store.putTenant(
      sampleTenant('child', {
        acceptedDomains: [{ domain: 'shop.parent.example', includeSubdomains: false }],
      }),
    );
    expect((await store.findTenantByDomain('shop.parent.example'))?.tenant.tenantId).toBe('child');
    expect((await store.findTenantByDomain('x.shop.parent.example'))?.tenant.tenantId).toBe('parent');
  });

  it('rejects a domain that already belongs to another tenant and leaves both tenants unchanged', async () => {
    await freshStore();
    await store.putTenant(
      sampleTenant('first', { acceptedDomains: [{ domain: 'taken.example', includeSubdomains: false }] }),
    );
    const intruder = sampleTenant('second', {
      acceptedDomains: [
        { domain: 'free.example', includeSubdomains: false },
        { domain: 'taken.example', includeSubdomains: false },
      ],
    });
    await expect(store.putTenant(intruder)).rejects.toBeInstanceOf(TenantConflictError);
    expect(await store.getTenant('second')).toBeUndefined();
    expect((await store.findTenantByDomain('taken.example'))?.tenant.tenantId).toBe('first');
    expect(await store.findTenantByDomain('free.example')).toBeUndefined();
    await store.putTenant(
      sampleTenant('third', { acceptedDomains: [{ domain: 'free.example', includeSubdomains: false }] }),
    );
    expect((await store.findTenantByDomain('free.example'))?.tenant.tenantId).toBe('third');
  });

  it('lets exactly one of two tenants racing for the same domain have it', async () => {
    await freshStore();
    const contender = (id: string) =>
      store.putTenant(
        sampleTenant(id, { acceptedDomains: [{ domain: 'contested.example', includeSubdomains: false }] }),
      );
    const results = await Promise.allSettled([contender('left'), contender('right')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(rejected?.status === 'rejected' && rejected.reason).toBeInstanceOf(TenantConflictError);
    const owner = await store.findTenantByDomain('contested.example');
    expect(owner?.tenant.tenantId).toBe(results[0]?.status === 'fulfilled' ? 'left' : 'right');
  });

  it('releases domains and IPs a tenant no longer lists when it is updated', async () => {
    await freshStore();
    await store.putTenant(
      sampleTenant('mover', {
        acceptedDomains: [{ domain: 'old.example', includeSubdomains: false }],
        dedicatedIps: ['198.51.100.7'],
      }),
    );
    await store.putTenant(
      sampleTenant('mover', {
        acceptedDomains: [{ domain: 'new.example', includeSubdomains: false }],
        dedicatedIps: ['198.51.100.8'],
      }),
    );
    expect(await store.findTenantByDomain('old.example')).toBeUndefined();
    expect((await store.findTenantByDomain('new.example'))?.tenant.tenantId).toBe('mover');
    expect(await store.findTenantsByIp('198.51.100.7')).toEqual([]);
    expect((await store.findTenantsByIp('198.51.100.8')).map((t) => t.tenantId)).toEqual(['mover']);
    await store.putTenant(
      sampleTenant('other', { acceptedDomains: [{ domain: 'old.example', includeSubdomains: false }] }),
    );
    expect((await store.findTenantByDomain('old.example'))?.tenant.tenantId).toBe('other');
  });

  it('deletes a tenant with its domain and IP claims', async () => {
    await freshStore();
    await store.putTenant(
      sampleTenant('gone', {
        acceptedDomains: [{ domain: 'gone.example', includeSubdomains: true }],
        dedicatedIps: ['203.0.113.0/24'],
      }),
    );
    await store.deleteTenant('gone');
    expect(await store.getTenant('gone')).toBeUndefined();
    expect(await store.findTenantByDomain('a.gone.example')).toBeUndefined();
    expect(await store.findTenantsByIp('203.0.113.9')).toEqual([]);
    expect(await store.listTenants()).toEqual([]);
  });

  it('finds tenants by exact IPv4 address and by IPv4 CIDR ranges, including ranges wider than a /16', async () => {
    await freshStore();
    await store.putTenant(sampleTenant('exact', { dedicatedIps: ['192.0.2.10'] }));
    await store.putTenant(sampleTenant('range', { dedicatedIps: ['198.51.100.0/28'] }));
    await store.putTenant(sampleTenant('wide', { dedicatedIps: ['10.16.0.0/12'] }));
    expect((await store.findTenantsByIp('192.0.2.10')).map((t) => t.tenantId)).toEqual(['exact']);
    expect(await store.findTenantsByIp('192.0.2.11')).toEqual([]);
    expect((await store.findTenantsByIp('198.51.100.15')).map((t) => t.tenantId)).toEqual(['range']);
    expect(await store.findTenantsByIp('198.51.100.16')).toEqual([]);
    expect((await store.findTenantsByIp('10.31.255.254')).map((t) => t.tenantId)).toEqual(['wide']);
    expect(await store.findTenantsByIp('10.32.0.1')).toEqual([]);
    expect((await store.findTenantsByIp('::ffff:192.0.2.10')).map((t) => t.tenantId)).toEqual(['exact']);
    expect(await store.findTenantsByIp('not an ip')).toEqual([]);
  });

  it('finds tenants by IPv6 address and range, whatever the notation', async () => {
    await freshStore();
    await store.putTenant(sampleTenant('v6', { dedicatedIps: ['2001:db8:0:1::/64'] }));
    await store.putTenant(sampleTenant('v6host', { dedicatedIps: ['2001:DB8:0:2:0:0:0:25'] }));
    expect((await store.findTenantsByIp('2001:db8:0:1:ffff::1')).map((t) => t.tenantId)).toEqual(['v6']);
    expect((await store.findTenantsByIp('2001:db8::2:0:0:0:25')).map((t) => t.tenantId)).toEqual(['v6host']);
    expect(await store.findTenantsByIp('2001:db8:0:3::1')).toEqual([]);
  });

  it('rejects a range overlapping another tenant, and a range too wide to bucket', async () => {
    await freshStore();
    await store.putTenant(sampleTenant('holder', { dedicatedIps: ['203.0.113.0/24'] }));
    await expect(
      store.putTenant(sampleTenant('overlap', { dedicatedIps: ['203.0.113.128/25'] })),
    ).rejects.toBeInstanceOf(TenantConflictError);
    await expect(
      store.putTenant(sampleTenant('huge', { dedicatedIps: ['10.0.0.0/7'] })),
    ).rejects.toBeInstanceOf(IpRangeError);
    expect(await store.getTenant('overlap')).toBeUndefined();
    expect(await store.getTenant('huge')).toBeUndefined();
  });

  it('writes the same tenant twice without duplicating it', async () => {
    await freshStore();
    const tenant = sampleTenant('twice', {
      acceptedDomains: [{ domain: 'twice.example', includeSubdomains: false }],
      dedicatedIps: ['192.0.2.0/30'],
    });
    await store.putTenant(tenant);
    await store.putTenant(tenant);
    expect(await store.listTenants()).toEqual([tenant]);
    expect(await store.findTenantsByIp('192.0.2.1')).toEqual([tenant]);
  });
});
