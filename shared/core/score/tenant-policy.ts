import type { Tenant } from '../model/tenant.ts';
import { resolvePolicy, type ScoringPolicy } from './policy.ts';
import type { ScoringDeps } from './scoring-deps.ts';

/** A tenant (if the directory knows it) and its resolved policy. */
export interface TenantPolicy {
  readonly tenant: Tenant | undefined;
  readonly policy: ScoringPolicy;
}

/** Looks the tenant up and applies its overrides to the platform policy. */
export async function tenantPolicy(
  tenantId: string,
  deps: Pick<ScoringDeps, 'directory' | 'policy'>,
): Promise<TenantPolicy> {
  const tenant = await deps.directory.getTenant(tenantId);
  return { tenant, policy: resolvePolicy(deps.policy, tenant?.policy) };
}
