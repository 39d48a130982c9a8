/**
 * Stores the scoring core needs (shared/adapters/dynamodb/score-stores.ts implements them on the `scores` table;
 * test/support/in-memory-scoring-stores.ts in memory). All writes are idempotent.
 */
import type { AuditEntry } from '../model/restriction.ts';
import type { Page } from '../ports.ts';
import type { TenantStanding } from '../restrictions/standing.ts';
import type { BucketEntry, BucketRef, ScoreBucket } from './bucket.ts';

/** Score buckets (see bucket.ts). */
export interface ScoreStore {
  /** Strongly consistent read of one bucket; undefined when nothing was written to it. */
  readBucket(ref: BucketRef): Promise<ScoreBucket | undefined>;
  /**
   * Writes each entry where it is absent or smaller, in one conditional write; false (nothing written) when some
   * entry is already as large, so the caller re-reads and writes the rest.
   */
  writeEntries(ref: BucketRef, entries: readonly BucketEntry[]): Promise<boolean>;
  /** All shards of a tenant's windows starting within [fromWindow, toWindow]. */
  readBuckets(tenantId: string, fromWindow: string, toWindow: string): Promise<readonly ScoreBucket[]>;
}

/** A tenant's place in the top-tenants index: its log-space score (decay.ts logScore). */
export interface ScoreRank {
  readonly tenantId: string;
  readonly logScore: number;
  readonly halfLifeHours: number;
}

/** Tenant standings, the restricted and top-score indexes, and the notice ledger. */
export interface StandingStore {
  getStanding(tenantId: string): Promise<TenantStanding | undefined>;
  /** Commits `next` if the stored version is still `expectedVersion` (0: no standing yet); false if not. */
  putStanding(next: TenantStanding, expectedVersion: number): Promise<boolean>;
  /** Raises the tenant's log-space score in the top index (max: a stale writer never lowers it). */
  raiseScoreRank(rank: ScoreRank): Promise<void>;
  /** Highest log-space scores first. */
  topRanks(limit: number): Promise<readonly ScoreRank[]>;
  /** Standings with any restriction in force, oldest restriction first. */
  listRestricted(page?: { limit?: number; cursor?: string }): Promise<Page<TenantStanding>>;
  /** Claims the right to send the notice `key` once; false when already claimed. */
  claimNotice(key: string, tenantId: string, at: string): Promise<boolean>;
  /** Gives a claim back after the send failed, so a retry sends it. */
  releaseNotice(key: string, tenantId: string): Promise<void>;
}

/** A tenant's audit trail, newest first. */
export interface AuditStore {
  /** Idempotent for the same `entryId`. */
  append(entry: AuditEntry, entryId: string): Promise<void>;
  list(tenantId: string, page?: { limit?: number; cursor?: string }): Promise<Page<AuditEntry>>;
}

/** A complaining recipient the tenant must not mail again. */
export interface SuppressionEntry {
  readonly tenantId: string;
  /** Lower-cased address. */
  readonly address: string;
  /** Earliest complaint seen. */
  readonly firstAt: string;
  readonly reportId: string;
}

/** Per-tenant suppression lists (issue 5 §7). */
export interface SuppressionStore {
  /** Idempotent; keeps the earliest complaint per address. */
  add(entries: readonly SuppressionEntry[]): Promise<void>;
  list(tenantId: string, page?: { limit?: number; cursor?: string }): Promise<Page<SuppressionEntry>>;
  isSuppressed(tenantId: string, address: string): Promise<boolean>;
}

/** A message to a tenant's admin contact about a change of its standing. */
export interface TenantNotice {
  /** Identifies the state change: at most one notice per key is ever sent. */
  readonly key: string;
  readonly tenantId: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** Sends notices (SES on AWS, an outbox folder locally). Throws on transient failure. */
export interface Notifier {
  send(notice: TenantNotice): Promise<void>;
}

/** All the stores of scoring, as createDynamoScoringStores returns them. */
export interface ScoringStores {
  readonly scores: ScoreStore;
  readonly standings: StandingStore;
  readonly audit: AuditStore;
  readonly suppressions: SuppressionStore;
}
