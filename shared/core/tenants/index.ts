/** Tenant directory core: validation, import documents, matching rules and an in-memory directory. */
export { domainMatches } from './domain-matches.ts';
export { createInMemoryTenantDirectory } from './in-memory-tenant-directory.ts';
export { canonicalIp, ipInRange, networkAddress, parseIp, parseIpRange } from './ip-in-range.ts';
export { normalizeDomain } from './normalize-domain.ts';
export { parseTenantDocument } from './parse-tenant-document.ts';
export { TenantValidationError } from './tenant-validation-error.ts';
export { validateDirectory } from './validate-directory.ts';
export { POLICY_OVERRIDE_FIELDS, validatePolicyOverrides } from './validate-policy-overrides.ts';
export { validateTenant } from './validate-tenant.ts';
