import type { Tenant } from '../model/tenant.ts';
import { domainMatches } from '../tenants/domain-matches.ts';

/** Whether `domain` is one of the tenant's accepted domains (or under one registered with subdomains). */
export function isRegistered(tenant: Tenant | undefined, domain: string): boolean {
  return tenant?.acceptedDomains.some((accepted) => domainMatches(accepted, domain)) ?? false;
}
