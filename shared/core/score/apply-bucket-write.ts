import { type BucketEntry, entryName, mergeEntries, trustOfReporterId } from './bucket.ts';
import { reporterSums } from './bucket-totals.ts';
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
 * The entries still worth writing to a bucket: absent or larger than stored (max merge), and not from a reporter
 * whose capped sum is already full. Skipping a full reporter cannot change the bucket's total, since min(sum, cap)
 * is already cap and sums only grow; it keeps a report-bomber from filling the item.
 */
export function pendingEntries(
  stored: readonly BucketEntry[],
  incoming: readonly BucketEntry[],
  policy: ScoringPolicy,
): BucketEntry[] {
  const existing = mergeEntries(stored);
  const sums = reporterSums(stored);
  return incoming.filter((entry) => {
    const current = existing.get(entryName(entry));
    if (current !== undefined && current.value >= entry.value) return false;
    const sum = sums.get(entry.reporterId);
    if (sum === undefined) return true;
    const cap = policy.perReporterCap[trustOfReporterId(entry.reporterId)];
    const scoreFull = sum.score >= cap;
    return entry.channel === 'k' ? !scoreFull : !(scoreFull && sum.unregistered >= cap);
  });
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
