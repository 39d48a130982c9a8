import type { RawScores } from '../score/score-of-buckets.ts';
import type { StandingChange, TenantStanding } from './standing.ts';
import type { Thresholds } from './thresholds.ts';

/** The standing after a re-evaluation and the changes that led there (none: nothing to write). */
export interface Decision {
  readonly next: TenantStanding;
  readonly changes: readonly StandingChange[];
}

/**
 * The state machine of issue 5 §3, pure. Restrictions are sticky: only liftRestriction leaves `restricted` or
 * removes a 5.7.750 block. Decisions depend only on the scores at `now`, which only grow with new reports, so
 * applying the same reports in any order or batching reaches the same decision.
 */
export function decideChanges(
  standing: TenantStanding,
  scores: RawScores,
  thresholds: Thresholds,
  now: string,
): Decision {
  const changes: StandingChange[] = [];
  let next: TenantStanding = standing;
  if (
    next.state === 'probation' &&
    next.probationUntil !== undefined &&
    Date.parse(now) >= Date.parse(next.probationUntil)
  ) {
    changes.push({ action: 'probation-ended', from: 'probation', to: 'active', score: scores.score });
    const { probationUntil: _ended, ...rest } = next;
    next = { ...rest, state: 'active', since: now };
  }
  if (next.state !== 'restricted' && scores.score >= thresholds.restrict) {
    changes.push({
      action: 'restricted',
      from: next.state,
      to: 'restricted',
      kind: 'tenant-threshold',
      score: scores.score,
      threshold: thresholds.restrict,
    });
    const { probationUntil: _ended, ...rest } = next;
    next = { ...rest, state: 'restricted', since: now, restriction: { since: now, score: scores.score } };
  } else if (next.state === 'active' && scores.score >= thresholds.warn) {
    changes.push({
      action: 'warned',
      from: 'active',
      to: 'warned',
      score: scores.score,
      threshold: thresholds.warn,
    });
    next = { ...next, state: 'warned', since: now };
  } else if (next.state === 'warned' && scores.score < thresholds.clearBelow) {
    changes.push({
      action: 'cleared',
      from: 'warned',
      to: 'active',
      score: scores.score,
      threshold: thresholds.clearBelow,
    });
    next = { ...next, state: 'active', since: now };
  }
  if (next.unregisteredRestriction === undefined && scores.unregistered >= thresholds.unregistered) {
    changes.push({
      action: 'unregistered-restricted',
      from: next.state,
      to: next.state,
      kind: 'unregistered-domains',
      score: scores.unregistered,
      threshold: thresholds.unregistered,
    });
    next = { ...next, unregisteredRestriction: { since: now, score: scores.unregistered } };
  }
  return { next, changes };
}
