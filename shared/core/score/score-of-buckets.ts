import type { ReportRecord } from '../model/records.ts';
import type { BucketEntry, ScoreBucket } from './bucket.ts';
import { windowTotals } from './bucket-totals.ts';
import { bucketWrites } from './contributions.ts';
import { addHours, decayFactor, windowStartOf } from './decay.ts';
import type { ScoringPolicy } from './policy.ts';
import type { ScoreStore } from './ports.ts';

/** A tenant's decayed scores at one time, before any lift baseline is subtracted. */
export interface RawScores {
  readonly score: number;
  readonly unregistered: number;
}

/** First window start still inside the lookback at `now`. */
export function lookbackStart(policy: ScoringPolicy, now: string): string {
  return windowStartOf(addHours(now, -policy.lookbackHalfLives * policy.halfLifeHours), policy.windowHours);
}

/** Σ over windows in the lookback of capped window totals × 2^(−(now − windowStart)/halfLife). */
export function scoreOfBuckets(
  buckets: readonly ScoreBucket[],
  policy: ScoringPolicy,
  now: string,
): RawScores {
  const from = Date.parse(lookbackStart(policy, now));
  const until = Date.parse(now);
  const byWindow = new Map<string, BucketEntry[]>();
  for (const bucket of buckets) {
    const start = Date.parse(bucket.windowStart);
    if (start < from || start > until) continue;
    const entries = byWindow.get(bucket.windowStart) ?? [];
    entries.push(...bucket.entries);
    byWindow.set(bucket.windowStart, entries);
  }
  let score = 0;
  let unregistered = 0;
  for (const windowStart of [...byWindow.keys()].sort()) {
    const totals = windowTotals(byWindow.get(windowStart)!, policy);
    const factor = decayFactor(windowStart, now, policy.halfLifeHours);
    score += totals.score * factor;
    unregistered += totals.unregistered * factor;
  }
  return { score, unregistered };
}

/** The tenant's current raw scores, from its stored buckets. */
export async function readScores(
  tenantId: string,
  store: ScoreStore,
  policy: ScoringPolicy,
  now: string,
): Promise<RawScores> {
  const buckets = await store.readBuckets(
    tenantId,
    lookbackStart(policy, now),
    windowStartOf(now, policy.windowHours),
  );
  return scoreOfBuckets(buckets, policy, now);
}

/**
 * The same score computed straight from report records received up to `at` (for score history, and the reference
 * the stored path must agree with).
 */
export function scoreOfReports(
  reports: readonly ReportRecord[],
  policy: ScoringPolicy,
  at: string,
): RawScores {
  const received = reports.filter((report) => Date.parse(report.receivedAt) <= Date.parse(at));
  const buckets = bucketWrites(received, () => policy).map((write) => ({
    ...write.ref,
    entries: write.entries,
  }));
  return scoreOfBuckets(buckets, policy, at);
}
