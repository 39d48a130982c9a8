import type { Tenant } from '../model/index.ts';
import type { TenantDirectory } from '../ports.ts';
import { domainMatches } from './domain-matches.ts';
import { ipInRange } from './ip-in-range.ts';
import { normalizeDomain } from './normalize-domain.ts';
import { validateDirectory } from './validate-directory.ts';

/**
 * A TenantDirectory over a fixed list (CLI `attribute --tenants`, tests). Validates the list first, so a
 * domain or IP has at most one owner; when a subdomain and its parent are both registered the longest wins.
 */
export function createInMemoryTenantDirectory(tenants: readonly Tenant[]): TenantDirectory {
  validateDirectory(tenants);
  const byId = new Map(tenants.map((tenant) => [tenant.tenantId, tenant]));
  return {
    async getTenant(tenantId) {
      return byId.get(tenantId);
    },
    async findTenantByDomain(domain) {
      const name = normalizeDomain(domain);
      if (name === undefined) return undefined;
      let best: { tenant: Tenant; accepted: Tenant['acceptedDomains'][number] } | undefined;
      for (const tenant of tenants) {
        for (const accepted of tenant.acceptedDomains) {
          if (
            domainMatches(accepted, name) &&
            accepted.domain.length > (best?.accepted.domain.length ?? -1)
          ) {
            best = { tenant, accepted };
          }
        }
      }
      return best;
    },
    async findTenantsByIp(ip) {
      return tenants.filter((tenant) => tenant.dedicatedIps.some((range) => ipInRange(ip, range)));
    },
  };
}
