import { createHash } from 'node:crypto';
import type { ReportRecord } from '../model/records.ts';
import { BUCKET_SHARDS, type BucketEntry, type BucketRef, mergeEntries, trustCode } from './bucket.ts';
import { decayFactor, windowStartOf } from './decay.ts';
import type { ScoringPolicy } from './policy.ts';
import { reportWeight } from './report-weight.ts';

/** The entries one batch adds to one bucket, merged (max per dedupe key) before anything is written. */
export interface BucketWrite {
  readonly ref: BucketRef;
  readonly entries: readonly BucketEntry[];
}

/** Hex characters of SHA-256 kept: 48 bits tell reporters apart per tenant, 64 bits tell dedupe keys apart. */
const REPORTER_HASH_CHARS = 12;
const KEY_HASH_CHARS = 16;

/**
 * Who reported, as the per-reporter cap sees it: a feed by its domain (it speaks for many users), a person by
 * address. The trust class is part of it, so a forged unauthenticated copy of a trusted address is another reporter.
 */
export function reporterIdentity(report: Pick<ReportRecord, 'reporter' | 'reporterTrust'>): string {
  const { reporter, reporterTrust } = report;
  const who =
    reporterTrust === 'automated-feed'
      ? (reporter.domain ?? reporter.headerFrom ?? reporter.envelopeFrom)
      : (reporter.headerFrom ?? reporter.envelopeFrom ?? reporter.domain);
  return `${reporterTrust}:${(who ?? 'unknown').toLowerCase()}`;
}

/** The reporterId stored in bucket entries: trust code + hash of the identity. */
export function reporterIdOf(report: Pick<ReportRecord, 'reporter' | 'reporterTrust'>): string {
  return trustCode(report.reporterTrust) + hash(reporterIdentity(report)).slice(0, REPORTER_HASH_CHARS);
}

/**
 * The dedupe key: the same message (fingerprint) reported by the same reporter about the same tenant counts once
 * per window (entries live in the window of their received time; a replay keeps that time).
 */
export function dedupeKeyOf(report: ReportRecord, tenantId: string): string {
  return hash(`${tenantId}\u0000${report.fingerprint}\u0000${reporterIdentity(report)}`).slice(
    0,
    KEY_HASH_CHARS,
  );
}

/** Shard of a reporter: all of one reporter's entries in a window share an item, so its cap is local to it. */
export function shardOf(reporterId: string): number {
  return Number.parseInt(reporterId.slice(1, 7), 16) % BUCKET_SHARDS;
}

/**
 * Turns a batch of reports into bucket writes, aggregated per tenant, window and shard (DESIGN §5: a flooded
 * tenant is written once per bucket per batch, not once per report). Reports worth nothing are left out.
 * `policyFor` gives each tenant's resolved policy (half-life and weights apply when a report is scored).
 */
export function bucketWrites(
  reports: readonly ReportRecord[],
  policyFor: (tenantId: string) => ScoringPolicy,
): BucketWrite[] {
  const groups = new Map<string, { ref: BucketRef; entries: BucketEntry[] }>();
  for (const report of reports) {
    const tenantId = report.tenantId;
    if (tenantId === undefined) continue;
    const policy = policyFor(tenantId);
    const { weight, unregisteredRelay } = reportWeight(report, policy);
    if (!(weight > 0)) continue;
    const windowStart = windowStartOf(report.receivedAt, policy.windowHours);
    const reporterId = reporterIdOf(report);
    const shard = shardOf(reporterId);
    const ref = { tenantId, windowStart, shard };
    const groupKey = `${tenantId}\u0000${windowStart}\u0000${shard}`;
    const group = groups.get(groupKey) ?? { ref, entries: [] };
    group.entries.push({
      reporterId,
      keyId: dedupeKeyOf(report, tenantId),
      channel: unregisteredRelay ? 'u' : 'k',
      value: weight * decayFactor(report.receivedAt, windowStart, policy.halfLifeHours),
    });
    groups.set(groupKey, group);
  }
  return [...groups.values()].map((group) => ({
    ref: group.ref,
    entries: [...mergeEntries(group.entries).values()],
  }));
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
