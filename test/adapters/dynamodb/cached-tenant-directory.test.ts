import { describe, expect, it } from 'vitest';
import { createCachedTenantDirectory } from '../../../shared/adapters/dynamodb/cached-tenant-directory.ts';
import type { TenantDirectory } from '../../../shared/core/ports.ts';
import { sampleTenant } from './sample-records.ts';

/** A directory that counts look-ups and can be told to fail. */
function countingDirectory() {
  const calls: string[] = [];
  let failing = false;
  let tenant = sampleTenant('acme', {
    acceptedDomains: [{ domain: 'acme.example', includeSubdomains: false }],
  });
  const directory: TenantDirectory = {
    async getTenant(id) {
      calls.push(`id:${id}`);
      if (failing) throw new Error('throttled');
      return id === tenant.tenantId ? tenant : undefined;
    },
    async findTenantByDomain(domain) {
      calls.push(`domain:${domain}`);
      const accepted = tenant.acceptedDomains.find((d) => d.domain === domain);
      return accepted === undefined ? undefined : { tenant, accepted };
    },
    async findTenantsByIp(ip) {
      calls.push(`ip:${ip}`);
      return [];
    },
  };
  return {
    directory,
    calls,
    fail: (value: boolean) => {
      failing = value;
    },
    rename: (name: string) => {
      tenant = { ...tenant, name };
    },
  };
}

describe('createCachedTenantDirectory', () => {
  it('answers repeated look-ups within the TTL from memory, "not found" included', async () => {
    const inner = countingDirectory();
    let now = 0;
    const cached = createCachedTenantDirectory(inner.directory, { ttlMs: 1000, clock: () => now });
    await cached.getTenant('acme');
    await cached.getTenant('acme');
    await cached.findTenantByDomain('ACME.example');
    await cached.findTenantByDomain('acme.example');
    await cached.findTenantsByIp('192.0.2.1');
    await cached.findTenantsByIp('192.0.2.1');
    now = 999;
    expect(await cached.getTenant('nobody')).toBeUndefined();
    expect(await cached.getTenant('nobody')).toBeUndefined();
    expect(inner.calls).toEqual(['id:acme', 'domain:ACME.example', 'ip:192.0.2.1', 'id:nobody']);
  });

  it('sees directory changes once the TTL has passed', async () => {
    const inner = countingDirectory();
    let now = 0;
    const cached = createCachedTenantDirectory(inner.directory, { ttlMs: 1000, clock: () => now });
    expect((await cached.getTenant('acme'))?.name).toBe('Tenant acme');
    inner.rename('Acme Renamed');
    expect((await cached.getTenant('acme'))?.name).toBe('Tenant acme');
    now = 1000;
    expect((await cached.getTenant('acme'))?.name).toBe('Acme Renamed');
  });

  it('shares one request among concurrent look-ups and never caches a failure', async () => {
    const inner = countingDirectory();
    const cached = createCachedTenantDirectory(inner.directory, { clock: () => 0 });
    await Promise.all([cached.getTenant('acme'), cached.getTenant('acme'), cached.getTenant('acme')]);
    expect(inner.calls).toEqual(['id:acme']);
    inner.fail(true);
    await expect(cached.getTenant('other')).rejects.toThrow('throttled');
    inner.fail(false);
    expect(await cached.getTenant('other')).toBeUndefined();
    expect(inner.calls).toEqual(['id:acme', 'id:other', 'id:other']);
  });

  it('keeps at most maxEntries answers, dropping the oldest', async () => {
    const inner = countingDirectory();
    const cached = createCachedTenantDirectory(inner.directory, { maxEntries: 2, clock: () => 0 });
    for (const id of ['a', 'b', 'c', 'a']) await cached.getTenant(id);
    expect(inner.calls).toEqual(['id:a', 'id:b', 'id:c', 'id:a']);
  });
});
