import type { ReportRecord } from '../model/records.ts';
import { evaluateTenant } from '../restrictions/evaluate-tenant.ts';
import type { TenantStanding } from '../restrictions/standing.ts';
import { applyBucketWrite } from './apply-bucket-write.ts';
import { complaintSuppressions } from './complaint-suppressions.ts';
import { bucketWrites } from './contributions.ts';
import type { ScoringPolicy } from './policy.ts';
import type { ScoringDeps } from './scoring-deps.ts';
import { tenantPolicy } from './tenant-policy.ts';

/** What a batch changed, per tenant touched. */
export interface ScoringOutcome {
  readonly standings: readonly TenantStanding[];
}

/**
 * Scores a batch of reports (any order, any retries): aggregates them per tenant, window and shard, applies each
 * dedupe key once (max merge under conditional writes), adds complaining recipients to suppression lists, then
 * re-evaluates every tenant the batch names. Idempotent; throws only on transient store errors.
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
  const policies = new Map<string, ScoringPolicy>();
  for (const tenantId of tenantIds) policies.set(tenantId, (await tenantPolicy(tenantId, deps)).policy);
  const policyFor = (tenantId: string) => policies.get(tenantId) ?? deps.policy;
  for (const write of bucketWrites(reports, policyFor)) {
    await applyBucketWrite(write, deps.scores, policyFor(write.ref.tenantId));
  }
  const suppressions = complaintSuppressions(reports);
  if (suppressions.length > 0) await deps.suppressions.add(suppressions);
  const standings: TenantStanding[] = [];
  for (const tenantId of tenantIds) standings.push(await evaluateTenant(tenantId, deps, now));
  return { standings };
}
