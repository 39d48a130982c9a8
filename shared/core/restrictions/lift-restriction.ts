import { REMEDIATION_CHECKLIST, type RemediationItem, type RestrictionKind } from '../model/restriction.ts';
import { addHours } from '../score/decay.ts';
import { readScores } from '../score/score-of-buckets.ts';
import type { ScoringDeps } from '../score/scoring-deps.ts';
import { tenantPolicy } from '../score/tenant-policy.ts';
import { completeEffects } from './complete-effects.ts';
import { StandingConflictError } from './evaluate-tenant.ts';
import type { StandingChange, TenantStanding } from './standing.ts';

/** An analyst's request to lift a tenant's restriction (issue 5 §3). */
export interface LiftRequest {
  readonly tenantId: string;
  readonly actor: string;
  readonly reason: string;
  /** Every item of REMEDIATION_CHECKLIST must be confirmed. */
  readonly checklist: readonly RemediationItem[];
  /** Lift only this kind; both when absent. */
  readonly kind?: RestrictionKind;
}

/** Lifted, or refused with a reason an analyst can act on (bad input is a value, not an exception). */
export type LiftOutcome =
  | { readonly lifted: true; readonly standing: TenantStanding }
  | {
      readonly lifted: false;
      readonly reason: 'actor-missing' | 'reason-missing' | 'checklist-incomplete' | 'not-restricted';
      readonly message: string;
    };

const HOURS_PER_DAY = 24;
const MAX_COMMIT_ATTEMPTS = 10;

/**
 * Lifts a restriction: requires an actor, a reason and the whole remediation checklist; puts the tenant on
 * probation (lower thresholds for policy.probationDays) and forgives the score accumulated so far (it keeps
 * decaying as a baseline that is subtracted). Audited with the actor, reason and checklist.
 */
export async function liftRestriction(
  request: LiftRequest,
  deps: ScoringDeps,
  now: string,
): Promise<LiftOutcome> {
  const refused = validate(request);
  if (refused !== undefined) return refused;
  const { policy } = await tenantPolicy(request.tenantId, deps);
  for (let attempt = 0; attempt < MAX_COMMIT_ATTEMPTS; attempt++) {
    const standing = await deps.standings.getStanding(request.tenantId);
    if (standing?.pending !== undefined) {
      await completeEffects(standing, deps, now);
      continue;
    }
    const liftThreshold =
      standing?.state === 'restricted' && (request.kind ?? 'tenant-threshold') === 'tenant-threshold';
    const liftUnregistered =
      standing?.unregisteredRestriction !== undefined &&
      (request.kind ?? 'unregistered-domains') === 'unregistered-domains';
    if (standing === undefined || (!liftThreshold && !liftUnregistered)) {
      return {
        lifted: false,
        reason: 'not-restricted',
        message: `tenant ${request.tenantId} has no such restriction`,
      };
    }
    const raw = await readScores(request.tenantId, deps.scores, policy, now);
    const staysRestricted = standing.state === 'restricted' && !liftThreshold;
    const to = staysRestricted ? 'restricted' : 'probation';
    const changes: StandingChange[] = [];
    if (liftThreshold)
      changes.push({
        action: 'lifted',
        from: standing.state,
        to,
        kind: 'tenant-threshold',
        score: raw.score,
      });
    if (liftUnregistered) {
      changes.push({
        action: 'lifted',
        from: standing.state,
        to,
        kind: 'unregistered-domains',
        score: raw.unregistered,
      });
    }
    const { restriction, unregisteredRestriction, probationUntil: _old, pending: _none, ...rest } = standing;
    const version = standing.version + 1;
    const next: TenantStanding = {
      ...rest,
      ...(liftThreshold || restriction === undefined ? {} : { restriction }),
      ...(liftUnregistered || unregisteredRestriction === undefined ? {} : { unregisteredRestriction }),
      state: to,
      since: staysRestricted ? standing.since : now,
      ...(staysRestricted ? {} : { probationUntil: addHours(now, policy.probationDays * HOURS_PER_DAY) }),
      baseline: { at: now, score: raw.score, unregistered: raw.unregistered },
      version,
      updatedAt: now,
      pending: {
        version,
        at: now,
        actor: request.actor.trim(),
        reason: request.reason.trim(),
        changes,
        details: { checklist: [...request.checklist] },
      },
    };
    if (await deps.standings.putStanding(next, standing.version)) {
      await completeEffects(next, deps, now);
      const { pending: _done, ...settled } = next;
      return { lifted: true, standing: settled };
    }
  }
  throw new StandingConflictError(`standing of ${request.tenantId} kept changing`);
}

function validate(request: LiftRequest): LiftOutcome | undefined {
  if (request.actor.trim() === '')
    return { lifted: false, reason: 'actor-missing', message: 'an actor is required' };
  if (request.reason.trim() === '')
    return { lifted: false, reason: 'reason-missing', message: 'a reason is required' };
  const missing = REMEDIATION_CHECKLIST.filter((item) => !request.checklist.includes(item));
  if (missing.length > 0) {
    return {
      lifted: false,
      reason: 'checklist-incomplete',
      message: `remediation checklist incomplete, missing: ${missing.join(', ')}`,
    };
  }
  return undefined;
}
