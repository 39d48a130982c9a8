import { decayFactor } from '../score/decay.ts';
import type { ScoringPolicy } from '../score/policy.ts';
import type { RawScores } from '../score/score-of-buckets.ts';
import type { TenantStanding } from './standing.ts';

/** The thresholds in force for one tenant now, and where each comes from. */
export interface Thresholds {
  readonly warn: number;
  readonly restrict: number;
  readonly unregistered: number;
  /** A warned tenant returns to active below this. */
  readonly clearBelow: number;
  /** Why they differ from the policy's, if they do. */
  readonly basis: readonly ('probation' | 'complaint-rate')[];
}

/** Hours per day, for turning a daily complaint rate into a decayed score. */
const HOURS_PER_DAY = 24;

/**
 * The score that a steady complaint rate `rate` of `dailyVolume` messages reaches: complaints arriving at c per
 * hour decay to a sum of c × halfLife / ln 2, so a daily rate r gives r × volume / 24 × halfLife / ln 2.
 */
export function scoreForRate(rate: number, dailyVolume: number, halfLifeHours: number): number {
  return ((rate * dailyVolume) / HOURS_PER_DAY) * (halfLifeHours / Math.LN2);
}

/**
 * Policy thresholds, lowered (never raised) by the complaint-rate rule when the tenant's volume is known, and
 * scaled by probationFactor while on probation (issue 5 §3).
 */
export function thresholdsFor(policy: ScoringPolicy, standing: TenantStanding, now: string): Thresholds {
  let warn = policy.warnThreshold;
  let restrict = policy.restrictThreshold;
  let unregistered = policy.unregisteredDomainThreshold;
  const basis: ('probation' | 'complaint-rate')[] = [];
  const volume = policy.dailySendingVolume;
  if (volume !== undefined && volume > 0) {
    const rule = policy.complaintRate;
    const rateRestrict = Math.max(
      rule.minimumScore,
      scoreForRate(rule.restrictRate, volume, policy.halfLifeHours),
    );
    const rateWarn = Math.max(rule.minimumScore, scoreForRate(rule.warnRate, volume, policy.halfLifeHours));
    if (rateRestrict < restrict || rateWarn < warn) basis.push('complaint-rate');
    restrict = Math.min(restrict, rateRestrict);
    warn = Math.min(warn, rateWarn, restrict);
  }
  if (onProbation(standing, now)) {
    warn *= policy.probationFactor;
    restrict *= policy.probationFactor;
    unregistered *= policy.probationFactor;
    basis.push('probation');
  }
  return { warn, restrict, unregistered, clearBelow: warn * policy.warnClearFactor, basis };
}

/** Whether the tenant is in its probation period after a lift. */
export function onProbation(standing: TenantStanding, now: string): boolean {
  return (
    standing.state === 'probation' &&
    standing.probationUntil !== undefined &&
    Date.parse(now) < Date.parse(standing.probationUntil)
  );
}

/** Scores with what was forgiven at the last lift subtracted (the pre-lift scores keep decaying from the lift). */
export function effectiveScores(
  raw: RawScores,
  standing: TenantStanding,
  now: string,
  halfLifeHours: number,
): RawScores {
  const baseline = standing.baseline;
  if (baseline === undefined) return raw;
  const factor = decayFactor(baseline.at, now, halfLifeHours);
  return {
    score: Math.max(0, raw.score - baseline.score * factor),
    unregistered: Math.max(0, raw.unregistered - baseline.unregistered * factor),
  };
}
