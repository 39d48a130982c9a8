import type { AuditEntry } from '../model/restriction.ts';
import type { Page } from '../ports.ts';
import { addHours } from './decay.ts';
import type { SuppressionEntry } from './ports.ts';
import { scoreOfReports } from './score-of-buckets.ts';
import type { ScoringDeps } from './scoring-deps.ts';
import { loadStanding, type TenantStandingView } from './standing-view.ts';
import { tenantPolicy } from './tenant-policy.ts';
import { tenantReports } from './tenant-reports.ts';

/** A page request: limit (default 50) and an opaque cursor from the previous page. */
export interface PageRequest {
  readonly limit?: number;
  readonly cursor?: string;
}

/** Tenants with a restriction in force (restricted-tenants index), oldest first, with their current standing. */
export async function listRestrictedTenants(
  deps: ScoringDeps,
  now: string,
  page?: PageRequest,
): Promise<Page<TenantStandingView>> {
  const restricted = await deps.standings.listRestricted(page);
  const items: TenantStandingView[] = [];
  for (const standing of restricted.items)
    items.push((await loadStanding(standing.tenantId, deps, now)).view);
  return { items, ...(restricted.cursor === undefined ? {} : { cursor: restricted.cursor }) };
}

/**
 * Tenants by current score, highest first (top-tenants index on the log-space score, which orders decayed scores
 * measured at different times correctly when tenants share a half-life).
 */
export async function topTenants(
  deps: ScoringDeps,
  limit: number,
  now: string,
): Promise<TenantStandingView[]> {
  const ranks = await deps.standings.topRanks(limit);
  const views: TenantStandingView[] = [];
  for (const rank of ranks) views.push((await loadStanding(rank.tenantId, deps, now)).view);
  return views;
}

/** A tenant's audit trail, newest first, paged. */
export function auditTrail(
  tenantId: string,
  deps: ScoringDeps,
  page?: PageRequest,
): Promise<Page<AuditEntry>> {
  return deps.audit.list(tenantId, page);
}

/** A tenant's suppression list (complaining recipients), paged. */
export function suppressionList(
  tenantId: string,
  deps: ScoringDeps,
  page?: PageRequest,
): Promise<Page<SuppressionEntry>> {
  return deps.suppressions.list(tenantId, page);
}

/** Most reports read to draw a score curve. */
const HISTORY_REPORT_LIMIT = 5000;

/** The tenant's raw score at each of `points` (ISO times), recomputed from its report records. */
export async function scoreHistory(
  tenantId: string,
  points: readonly string[],
  deps: ScoringDeps,
): Promise<{ at: string; score: number }[]> {
  if (points.length === 0) return [];
  const { policy } = await tenantPolicy(tenantId, deps);
  const sorted = [...points].sort();
  const from = addHours(sorted[0]!, -policy.lookbackHalfLives * policy.halfLifeHours - policy.windowHours);
  const reports = await tenantReports(
    deps.records,
    tenantId,
    { from, to: sorted.at(-1)! },
    HISTORY_REPORT_LIMIT,
  );
  return points.map((at) => ({ at, score: scoreOfReports(reports, policy, at).score }));
}
