import type { AcceptedDomain, Tenant } from '../model/index.ts';
import type { TenantDirectory } from '../ports.ts';
import { canonicalIp } from '../tenants/ip-in-range.ts';
import { normalizeDomain } from '../tenants/normalize-domain.ts';

/**
 * The owner of a domain found in a message, looked up in its normalised A-label form; names that are not
 * host names (header junk, IDN tricks that do not convert) own nothing and never reach the store.
 */
export async function ownerOfDomain(
  directory: TenantDirectory,
  domain: string,
): Promise<{ tenant: Tenant; accepted: AcceptedDomain } | undefined> {
  const name = normalizeDomain(domain);
  return name === undefined ? undefined : directory.findTenantByDomain(name);
}

/** Tenants whose dedicated ranges hold an IP found in a message, looked up in canonical form. */
export async function tenantsAtIp(directory: TenantDirectory, ip: string): Promise<readonly Tenant[]> {
  const canonical = canonicalIp(ip);
  return canonical === undefined ? [] : directory.findTenantsByIp(canonical);
}
