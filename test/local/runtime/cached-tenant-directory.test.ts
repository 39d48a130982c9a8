import { describe, expect, it } from 'vitest';
import { createCachedTenantDirectory } from '../../../local/runtime/cached-tenant-directory.ts';
import type { Tenant } from '../../../shared/core/model/index.ts';
import type { TenantDirectory } from '../../../shared/core/ports.ts';

const acme: Tenant = {
  tenantId: 'acme',
  name: 'Acme',
  acceptedDomains: [{ domain: 'acme.example', includeSubdomains: false }],
  dedicatedIps: [],
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

function countingDirectory(fail = { next: false }) {
  const calls: string[] = [];
  const directory: TenantDirectory = {
    getTenant: async (id) => {
      calls.push(`id:${id}`);
      if (fail.next) {
        fail.next = false;
        throw new Error('throttled');
      }
      return id === 'acme' ? acme : undefined;
    },
    findTenantByDomain: async (domain) => {
      calls.push(`domain:${domain}`);
      return domain === 'acme.example' ? { tenant: acme, accepted: acme.acceptedDomains[0]! } : undefined;
    },
    findTenantsByIp: async (ip) => {
      calls.push(`ip:${ip}`);
      return [];
    },
  };
  return { directory, calls };
}

describe('createCachedTenantDirectory', () => {
  it('answers repeated look-ups, misses included, from memory until they expire', async () => {
    const clock = { ms: 0 };
    const { directory, calls } = countingDirectory();
    const cached = createCachedTenantDirectory(directory, { ttlMs: 1000, now: () => clock.ms });
    await cached.findTenantByDomain('ACME.example');
    await cached.findTenantByDomain('acme.example');
    await cached.getTenant('nobody');
    await cached.getTenant('nobody');
    await cached.findTenantsByIp('192.0.2.1');
    await cached.findTenantsByIp('192.0.2.1');
    expect(calls).toEqual(['domain:ACME.example', 'id:nobody', 'ip:192.0.2.1']);
    clock.ms = 1000;
    expect((await cached.getTenant('nobody')) === undefined).toBe(true);
    expect(calls).toHaveLength(4);
  });

  it('does not remember a failed look-up', async () => {
    const fail = { next: true };
    const { directory, calls } = countingDirectory(fail);
    const cached = createCachedTenantDirectory(directory);
    await expect(cached.getTenant('acme')).rejects.toThrow('throttled');
    expect(await cached.getTenant('acme')).toEqual(acme);
    expect(calls).toEqual(['id:acme', 'id:acme']);
  });
});
