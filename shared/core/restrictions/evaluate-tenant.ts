import { logScore } from '../score/decay.ts';
import type { ScoringPolicy } from '../score/policy.ts';
import { readScores } from '../score/score-of-buckets.ts';
import type { ScoringDeps } from '../score/scoring-deps.ts';
import { tenantPolicy } from '../score/tenant-policy.ts';
import { completeEffects } from './complete-effects.ts';
import { decideChanges } from './decide-changes.ts';
import { initialStanding, type StandingChange, type TenantStanding } from './standing.ts';
import { effectiveScores, thresholdsFor } from './thresholds.ts';

/** Re-reads after losing a version race before giving up (each loss means another worker made progress). */
const MAX_COMMIT_ATTEMPTS = 10;

/** The standing kept changing under us; transient, the caller retries. */
export class StandingConflictError extends Error {
  override name = 'StandingConflictError';
}

/** The actor of automatic transitions in the audit trail. */
export const SYSTEM_ACTOR = 'system';

/**
 * Re-evaluates a tenant's standing at `now` from its stored score: updates its top-tenants rank, then commits any
 * transition under the version read (optimistic concurrency: two workers cannot both commit from one version),
 * and finishes its audit entries and notices. Call after scoring a batch, or on a schedule so warnings clear and
 * probations end as scores decay. `resolvedPolicy` is the tenant's policy when the caller has just read it
 * (scoreReports does, once per batch); otherwise it is looked up.
 */
export async function evaluateTenant(
  tenantId: string,
  deps: ScoringDeps,
  now: string,
  resolvedPolicy?: ScoringPolicy,
): Promise<TenantStanding> {
  const policy = resolvedPolicy ?? (await tenantPolicy(tenantId, deps)).policy;
  const raw = await readScores(tenantId, deps.scores, policy, now);
  const rank = logScore(raw.score, now, policy.halfLifeHours);
  if (rank !== undefined) {
    await deps.standings.raiseScoreRank({ tenantId, logScore: rank, halfLifeHours: policy.halfLifeHours });
  }
  for (let attempt = 0; attempt < MAX_COMMIT_ATTEMPTS; attempt++) {
    const standing = (await deps.standings.getStanding(tenantId)) ?? initialStanding(tenantId, now);
    if (standing.pending !== undefined) {
      await completeEffects(standing, deps, now);
      continue;
    }
    const thresholds = thresholdsFor(policy, standing, now);
    const scores = effectiveScores(raw, standing, now, policy.halfLifeHours);
    const { next, changes } = decideChanges(standing, scores, thresholds, now);
    if (changes.length === 0) return standing;
    const version = standing.version + 1;
    const committed: TenantStanding = {
      ...next,
      version,
      updatedAt: now,
      pending: {
        version,
        at: now,
        actor: SYSTEM_ACTOR,
        reason: changes.map(describeChange).join('; '),
        changes,
      },
    };
    if (await deps.standings.putStanding(committed, standing.version)) {
      await completeEffects(committed, deps, now);
      const { pending: _done, ...settled } = committed;
      return settled;
    }
  }
  throw new StandingConflictError(`standing of ${tenantId} kept changing`);
}

/** One sentence per automatic change, for the audit trail. */
export function describeChange(change: StandingChange): string {
  const score = change.score.toFixed(2);
  const threshold = change.threshold?.toFixed(2) ?? '';
  switch (change.action) {
    case 'warned':
      return `score ${score} reached the warn threshold ${threshold}`;
    case 'restricted':
      return `score ${score} reached the restrict threshold ${threshold}`;
    case 'unregistered-restricted':
      return `unregistered-domain score ${score} reached its threshold ${threshold}`;
    case 'cleared':
      return `score ${score} fell below ${threshold}`;
    case 'probation-ended':
      return 'probation period ended';
    case 'lifted':
      return `restriction lifted at score ${score}`;
  }
}
