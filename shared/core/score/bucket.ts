/**
 * Score buckets (DESIGN §4): one item per tenant, window and shard, holding one entry per dedupe key
 * (tenant, message fingerprint, reporter) with the report's weight normalised to the window start.
 *
 * Entries are merged with max(): re-applying an entry is a no-op and the result does not depend on the order of
 * application, so exactly-once needs no transaction, only a conditional write "absent or smaller" per entry.
 */
import { REPORTER_TRUST, type ReporterTrust } from '../model/records.ts';

/** `k`: counts toward the 5.7.705 score; `u`: an unregistered-domain relay, counts toward both. */
export type BucketChannel = 'k' | 'u';

/** One dedupe key's contribution inside a bucket. */
export interface BucketEntry {
  /** Trust code (a, h, u) followed by a hash of the reporter's identity. */
  readonly reporterId: string;
  /** Hash of (tenant, fingerprint, reporter). */
  readonly keyId: string;
  readonly channel: BucketChannel;
  /** Weight × 2^((receivedAt − windowStart) / halfLife). */
  readonly value: number;
}

/** Which bucket: a tenant's window (ISO start) and shard (by reporter, so a reporter's entries share an item). */
export interface BucketRef {
  readonly tenantId: string;
  readonly windowStart: string;
  readonly shard: number;
}

/** A bucket as stored. */
export interface ScoreBucket extends BucketRef {
  readonly entries: readonly BucketEntry[];
}

/** Shards per tenant window: a flood from many reporters spreads over this many items (and partitions). */
export const BUCKET_SHARDS = 4;

const TRUST_CODES = { 'automated-feed': 'a', 'authenticated-human': 'h', unauthenticated: 'u' } as const;

/** The one-letter code that starts a reporterId. */
export function trustCode(trust: ReporterTrust): string {
  return TRUST_CODES[trust];
}

/** The trust class a reporterId was recorded with. */
export function trustOfReporterId(reporterId: string): ReporterTrust {
  return REPORTER_TRUST.find((trust) => TRUST_CODES[trust] === reporterId[0]) ?? 'unauthenticated';
}

/** Attribute name of an entry: `<channel>_<reporterId>_<keyId>` (letters, digits and `_` only). */
export function entryName(entry: Pick<BucketEntry, 'channel' | 'reporterId' | 'keyId'>): string {
  return `${entry.channel}_${entry.reporterId}_${entry.keyId}`;
}

const ENTRY_NAME = /^([ku])_([a-z0-9]+)_([a-z0-9]+)$/;

/** Reads an entry back from its attribute name and value; undefined for any other attribute. */
export function parseEntry(name: string, value: number): BucketEntry | undefined {
  const match = ENTRY_NAME.exec(name);
  if (match === null || !Number.isFinite(value)) return undefined;
  return { channel: match[1] as BucketChannel, reporterId: match[2]!, keyId: match[3]!, value };
}

/** Merges entries by name with max(), the bucket's merge rule. */
export function mergeEntries(entries: Iterable<BucketEntry>): Map<string, BucketEntry> {
  const merged = new Map<string, BucketEntry>();
  for (const entry of entries) {
    const name = entryName(entry);
    const current = merged.get(name);
    if (current === undefined || current.value < entry.value) merged.set(name, entry);
  }
  return merged;
}
