import { mapConcurrently } from '../async/map-concurrently.ts';
import type { ReportRecord } from '../model/records.ts';
import { evaluateTenant } from '../restrictions/evaluate-tenant.ts';
import type { TenantStanding } from '../restrictions/standing.ts';
import { applyBucketWrite } from './apply-bucket-write.ts';
import { complaintSuppressions } from './complaint-suppressions.ts';
import { bucketWrites } from './contributions.ts';
import type { ScoringPolicy } from './policy.ts';
import type { ScoringDeps } from './scoring-deps.ts';
import { tenantPolicy } from './tenant-policy.ts';

/**
 * Store round trips a batch keeps in flight. Tenants and buckets are independent items (each bucket write is
 * conditional, each standing commit versioned), so overlapping them only hides latency; a few at once keep a
 * 40-tenant batch from costing 40 sequential chains of round trips without flooding the table.
 */
export const SCORING_CONCURRENCY = 8;

/** What a batch changed, per tenant touched. */
export interface ScoringOutcome {
  readonly standings: readonly TenantStanding[];
}

/**
 * Scores a batch of reports (any order, any retries): aggregates them per tenant, window and shard, applies each
 * dedupe key once (max merge under conditional writes), adds complaining recipients to suppression lists, then
 * re-evaluates every tenant the batch names (each tenant's policy read once for the whole batch). Idempotent;
 * throws only on transient store errors.
 */
export async function scoreReports(
  reports: readonly ReportRecord[],
  deps: ScoringDeps,
  now: string,
): Promise<ScoringOutcome> {
  const tenantIds = [
    ...new Set(
      reports
        .filter((report) => report.attribution.outcome === 'attributed')
        .flatMap((report) => (report.tenantId === undefined ? [] : [report.tenantId])),
    ),
  ].sort();
  const resolved = await mapConcurrently(
    tenantIds,
    SCORING_CONCURRENCY,
    async (tenantId) => (await tenantPolicy(tenantId, deps)).policy,
  );
  const policies = new Map<string, ScoringPolicy>(tenantIds.map((tenantId, i) => [tenantId, resolved[i]!]));
  const policyFor = (tenantId: string) => policies.get(tenantId) ?? deps.policy;
  await mapConcurrently(bucketWrites(reports, policyFor), SCORING_CONCURRENCY, (write) =>
    applyBucketWrite(write, deps.scores, policyFor(write.ref.tenantId)),
  );
  const suppressions = complaintSuppressions(reports);
  if (suppressions.length > 0) await deps.suppressions.add(suppressions);
  const standings = await mapConcurrently(tenantIds, SCORING_CONCURRENCY, (tenantId) =>
    evaluateTenant(tenantId, deps, now, policies.get(tenantId)),
  );
  return { standings };
}
