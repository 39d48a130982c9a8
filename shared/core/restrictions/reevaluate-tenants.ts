import type { ScoringDeps } from '../score/scoring-deps.ts';
import { evaluateTenant } from './evaluate-tenant.ts';

/** Tenants re-evaluated per run by default: the ranked tenants are the only ones a state can change for. */
export const REEVALUATE_LIMIT = 1000;

/**
 * Re-evaluates the ranked tenants (any tenant that ever had a score) at `now`, so warnings clear and probations
 * end as scores decay even when no new report arrives. For a scheduled job (EventBridge rule, local timer).
 * Returns how many tenants changed state.
 */
export async function reevaluateTenants(
  deps: ScoringDeps,
  now: string,
  limit = REEVALUATE_LIMIT,
): Promise<number> {
  let changed = 0;
  for (const rank of await deps.standings.topRanks(limit)) {
    const before = await deps.standings.getStanding(rank.tenantId);
    const after = await evaluateTenant(rank.tenantId, deps, now);
    if (before?.state !== after.state) changed++;
  }
  return changed;
}
