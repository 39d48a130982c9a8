import type { Tenant } from '../model/index.ts';
import { parseIpRange, rangesOverlap } from './ip-in-range.ts';
import { TenantValidationError } from './tenant-validation-error.ts';

/**
 * Throws TenantValidationError when two tenants share an id, claim the same domain (or one claims a subdomain
 * of a domain the other registered with `includeSubdomains`), or hold overlapping IP ranges: attribution must
 * never have two owners to choose from.
 */
export function validateDirectory(tenants: readonly Tenant[]): void {
  const ids = new Map<string, number>();
  tenants.forEach((tenant, i) => {
    const earlier = ids.get(tenant.tenantId);
    if (earlier !== undefined) {
      throw new TenantValidationError(
        `tenants[${i}].tenantId`,
        `"${tenant.tenantId}" also used by tenants[${earlier}]`,
      );
    }
    ids.set(tenant.tenantId, i);
  });
  const domains = tenants.flatMap((tenant, t) =>
    tenant.acceptedDomains.map((accepted, d) => ({ tenant, t, d, accepted })),
  );
  for (const [i, a] of domains.entries()) {
    for (const b of domains.slice(i + 1)) {
      if (a.tenant.tenantId === b.tenant.tenantId) continue;
      if (claims(a.accepted, b.accepted.domain) || claims(b.accepted, a.accepted.domain)) {
        throw new TenantValidationError(
          `tenants[${b.t}].acceptedDomains[${b.d}]`,
          `"${b.accepted.domain}" overlaps "${a.accepted.domain}" of tenant ${a.tenant.tenantId}; a domain belongs to one tenant`,
        );
      }
    }
  }
  const ranges = tenants.flatMap((tenant, t) =>
    tenant.dedicatedIps.map((text, r) => ({ tenant, t, r, text, range: parseIpRange(text) })),
  );
  for (const [i, a] of ranges.entries()) {
    for (const b of ranges.slice(i + 1)) {
      if (a.tenant.tenantId === b.tenant.tenantId || a.range === undefined || b.range === undefined) continue;
      if (rangesOverlap(a.range, b.range)) {
        throw new TenantValidationError(
          `tenants[${b.t}].dedicatedIps[${b.r}]`,
          `${b.text} overlaps ${a.text} of tenant ${a.tenant.tenantId}; a dedicated IP belongs to one tenant`,
        );
      }
    }
  }
}

function claims(accepted: { domain: string; includeSubdomains: boolean }, domain: string): boolean {
  return domain === accepted.domain || (accepted.includeSubdomains && domain.endsWith(`.${accepted.domain}`));
}
