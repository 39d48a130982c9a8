import type { ReporterTrust } from '../model/records.ts';
import { type BucketEntry, entryName, mergeEntries, trustOfReporterId } from './bucket.ts';
import { type ReporterSums, reporterSums } from './bucket-totals.ts';
import type { BucketWrite } from './contributions.ts';
import type { ScoringPolicy } from './policy.ts';
import type { ScoreStore } from './ports.ts';

/**
 * Entries per conditional write: each adds about 60 characters of condition, well inside DynamoDB's 4 KB
 * expression limit.
 */
export const ENTRIES_PER_WRITE = 40;

/** Re-reads after a lost race before giving up; each retry makes progress unless another writer wrote meanwhile. */
const MAX_WRITE_ATTEMPTS = 25;

/** The bucket kept changing under us; transient, the batch is retried. */
export class ScoreWriteConflictError extends Error {
  override name = 'ScoreWriteConflictError';
}

/**
 * The entries still worth writing to a bucket: absent or larger than stored (max merge), and not from a reporter,
 * or a trust class, whose capped sum is already full. Skipping cannot change the window's total: min(sum, cap) is
 * already cap and sums only grow (a class's total over all shards is at least this shard's). It keeps a
 * report-bomber, or a crowd of forged unauthenticated identities, from filling the item.
 */
export function pendingEntries(
  stored: readonly BucketEntry[],
  incoming: readonly BucketEntry[],
  policy: ScoringPolicy,
): BucketEntry[] {
  const existing = mergeEntries(stored);
  const sums = reporterSums(stored);
  const classes = classSums(sums, policy);
  const full = (sum: ReporterSums | undefined, cap: number | null, channel: BucketEntry['channel']) => {
    if (sum === undefined || cap === null) return false;
    return channel === 'k' ? sum.score >= cap : sum.score >= cap && sum.unregistered >= cap;
  };
  return incoming.filter((entry) => {
    const current = existing.get(entryName(entry));
    if (current !== undefined && current.value >= entry.value) return false;
    const trust = trustOfReporterId(entry.reporterId);
    if (full(classes.get(trust), policy.perTrustClassCap[trust], entry.channel)) return false;
    return !full(sums.get(entry.reporterId), policy.perReporterCap[trust], entry.channel);
  });
}

/** Per trust class, the sum of its reporters' capped sums in this shard. */
function classSums(
  sums: ReadonlyMap<string, ReporterSums>,
  policy: ScoringPolicy,
): Map<ReporterTrust, ReporterSums> {
  const classes = new Map<ReporterTrust, ReporterSums>();
  for (const [reporterId, sum] of sums) {
    const trust = trustOfReporterId(reporterId);
    const cap = policy.perReporterCap[trust];
    const total = classes.get(trust) ?? { score: 0, unregistered: 0 };
    classes.set(trust, {
      score: total.score + Math.min(sum.score, cap),
      unregistered: total.unregistered + Math.min(sum.unregistered, cap),
    });
  }
  return classes;
}

/**
 * Applies one aggregated bucket write exactly once in effect: read, keep what is pending, write it in conditional
 * chunks; a chunk that loses a race (another worker wrote an overlapping entry) triggers a fresh read.
 */
export async function applyBucketWrite(
  write: BucketWrite,
  store: ScoreStore,
  policy: ScoringPolicy,
): Promise<void> {
  for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
    const stored = await store.readBucket(write.ref);
    const pending = pendingEntries(stored?.entries ?? [], write.entries, policy);
    if (pending.length === 0) return;
    let lostRace = false;
    for (let start = 0; start < pending.length && !lostRace; start += ENTRIES_PER_WRITE) {
      lostRace = !(await store.writeEntries(write.ref, pending.slice(start, start + ENTRIES_PER_WRITE)));
    }
    if (!lostRace) return;
  }
  throw new ScoreWriteConflictError(
    `bucket ${write.ref.tenantId} ${write.ref.windowStart}#${write.ref.shard} kept changing`,
  );
}
