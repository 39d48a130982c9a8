import { createHash } from 'node:crypto';
import type { AuditEntry, Tenant } from '../model/index.ts';
import { checkSending } from '../restrictions/check-sending.ts';
import { type LiftRequest, liftRestriction } from '../restrictions/lift-restriction.ts';
import { explainTenant } from './explain-tenant.ts';
import type { ScoringDeps } from './scoring-deps.ts';
import {
  auditTrail,
  listRestrictedTenants,
  scoreHistory,
  suppressionList,
  topTenants,
} from './tenant-queries.ts';

/** liftRestriction refused the request; `reason` says why (for a 400/409 answer). */
export class LiftRejectedError extends Error {
  override name = 'LiftRejectedError';
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

/** Most suppressed addresses returned by the bound suppressionList (the store pages beyond). */
const SUPPRESSION_LIST_LIMIT = 1000;

/**
 * The scoring functions bound to their deps, in the shape of the analyst API's ScoringApi (shared/http/api-deps.ts).
 * `setTenantPolicy` is given when the runtime passes a way to save tenants; the caller audits it with its actor
 * (recordAudit), since only the caller knows who asked.
 */
export function bindScoring(
  deps: ScoringDeps,
  options: { putTenant?: (tenant: Tenant) => Promise<void> } = {},
) {
  const putTenant = options.putTenant;
  return {
    checkSending: (tenantId: string, fromDomain: string | undefined, now: string) =>
      checkSending(tenantId, fromDomain, deps, now),
    explainTenant: (tenantId: string, now: string) => explainTenant(tenantId, deps, now),
    topTenants: (limit: number, now: string) => topTenants(deps, limit, now),
    listRestrictedTenants: async (now: string) =>
      (await listRestrictedTenants(deps, now, { limit: 500 })).items,
    scoreHistory: (tenantId: string, points: readonly string[], _now: string) =>
      scoreHistory(tenantId, points, deps),
    liftRestriction: async (request: LiftRequest, now: string): Promise<void> => {
      const outcome = await liftRestriction(request, deps, now);
      if (!outcome.lifted) throw new LiftRejectedError(outcome.reason, outcome.message);
    },
    auditTrail: (tenantId: string, page: { limit?: number; cursor?: string }) =>
      auditTrail(tenantId, deps, page),
    recordAudit: (entry: AuditEntry) => deps.audit.append(entry, auditIdOf(entry)),
    suppressionList: async (tenantId: string) =>
      (await suppressionList(tenantId, deps, { limit: SUPPRESSION_LIST_LIMIT })).items.map(
        (entry) => entry.address,
      ),
    policy: async () => deps.policy,
    ...(putTenant === undefined
      ? {}
      : {
          setTenantPolicy: async (tenantId: string, overrides: Tenant['policy'], now: string) => {
            const tenant = await deps.directory.getTenant(tenantId);
            if (tenant === undefined) throw new Error(`unknown tenant ${tenantId}`);
            const { policy: _old, ...rest } = tenant;
            await putTenant({
              ...rest,
              ...(overrides === undefined ? {} : { policy: overrides }),
              updatedAt: now,
            });
          },
        }),
  };
}

/** Idempotency key of an API-written audit entry: the same entry twice is one entry. */
function auditIdOf(entry: AuditEntry): string {
  return `api-${createHash('sha256').update(JSON.stringify(entry)).digest('hex').slice(0, 20)}`;
}
