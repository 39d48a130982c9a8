/**
 * In-memory fakes of the scoring ports, with the same contracts as the DynamoDB adapters (the store contract
 * tests in test/adapters/dynamodb/score-stores.test.ts run against both), for fast property tests.
 */
import type { AuditEntry, ReportRecord, Tenant } from '../../shared/core/model/index.ts';
import type { Page, RecordStore, ReportQuery } from '../../shared/core/ports.ts';
import { isRestricted, type TenantStanding } from '../../shared/core/restrictions/standing.ts';
import {
  type BucketEntry,
  type BucketRef,
  entryName,
  type ScoreBucket,
} from '../../shared/core/score/bucket.ts';
import { DEFAULT_POLICY, type ScoringPolicy } from '../../shared/core/score/policy.ts';
import type {
  Notifier,
  ScoreRank,
  ScoringStores,
  SuppressionEntry,
  TenantNotice,
} from '../../shared/core/score/ports.ts';
import type { ScoringDeps } from '../../shared/core/score/scoring-deps.ts';
import { createInMemoryTenantDirectory } from '../../shared/core/tenants/in-memory-tenant-directory.ts';

/** Scoring stores kept in Maps; values are copied in and out like a real store. */
export function createInMemoryScoringStores(): ScoringStores {
  const buckets = new Map<string, Map<string, BucketEntry>>();
  const standings = new Map<string, TenantStanding>();
  const ranks = new Map<string, ScoreRank>();
  const notices = new Set<string>();
  const audit = new Map<string, Map<string, AuditEntry>>();
  const suppressions = new Map<string, Map<string, SuppressionEntry>>();
  const bucketId = (ref: BucketRef) => `${ref.tenantId}\u0000${ref.windowStart}\u0000${ref.shard}`;
  const bucketOf = (ref: BucketRef, stored: Map<string, BucketEntry>): ScoreBucket => ({
    ...ref,
    entries: [...stored.values()],
  });
  const pageOf = <T>(items: T[], page?: { limit?: number; cursor?: string }): Page<T> => {
    const start = page?.cursor === undefined ? 0 : Number(page.cursor);
    const limit = Math.min(page?.limit ?? 50, 500);
    const end = start + limit;
    return { items: items.slice(start, end), ...(end < items.length ? { cursor: String(end) } : {}) };
  };
  return {
    scores: {
      async readBucket(ref) {
        const stored = buckets.get(bucketId(ref));
        return stored === undefined ? undefined : bucketOf(ref, stored);
      },
      async writeEntries(ref, entries) {
        const stored = buckets.get(bucketId(ref)) ?? new Map<string, BucketEntry>();
        const blocked = entries.some((entry) => (stored.get(entryName(entry))?.value ?? -1) >= entry.value);
        if (blocked) return false;
        for (const entry of entries) stored.set(entryName(entry), { ...entry });
        buckets.set(bucketId(ref), stored);
        return true;
      },
      async readBuckets(tenantId, fromWindow, toWindow) {
        const result: ScoreBucket[] = [];
        for (const [id, stored] of buckets) {
          const [tenant, windowStart, shard] = id.split('\u0000') as [string, string, string];
          if (tenant === tenantId && windowStart >= fromWindow && windowStart <= toWindow) {
            result.push(bucketOf({ tenantId, windowStart, shard: Number(shard) }, stored));
          }
        }
        return result;
      },
    },
    standings: {
      async getStanding(tenantId) {
        const standing = standings.get(tenantId);
        return standing === undefined ? undefined : structuredClone(standing);
      },
      async putStanding(next, expectedVersion) {
        if ((standings.get(next.tenantId)?.version ?? 0) !== expectedVersion) return false;
        standings.set(next.tenantId, structuredClone(next));
        return true;
      },
      async raiseScoreRank(rank) {
        const current = ranks.get(rank.tenantId);
        if (current === undefined || current.logScore < rank.logScore) ranks.set(rank.tenantId, { ...rank });
      },
      async topRanks(limit) {
        return [...ranks.values()].sort((a, b) => b.logScore - a.logScore).slice(0, limit);
      },
      async listRestricted(page) {
        const restricted = [...standings.values()].filter(isRestricted);
        return pageOf(
          restricted.map((standing) => structuredClone(standing)),
          page,
        );
      },
      async claimNotice(key) {
        if (notices.has(key)) return false;
        notices.add(key);
        return true;
      },
      async releaseNotice(key) {
        notices.delete(key);
      },
    },
    audit: {
      async append(entry, entryId) {
        const trail = audit.get(entry.tenantId) ?? new Map<string, AuditEntry>();
        const sortKey = `${entry.at}#${entryId}`;
        if (!trail.has(sortKey)) trail.set(sortKey, structuredClone(entry));
        audit.set(entry.tenantId, trail);
      },
      async list(tenantId, page) {
        const trail = audit.get(tenantId) ?? new Map<string, AuditEntry>();
        const sorted = [...trail.keys()].sort().reverse();
        return pageOf(
          sorted.map((key) => trail.get(key)!),
          page,
        );
      },
    },
    suppressions: {
      async add(entries) {
        for (const entry of entries) {
          const list = suppressions.get(entry.tenantId) ?? new Map<string, SuppressionEntry>();
          const current = list.get(entry.address);
          if (current === undefined || current.firstAt > entry.firstAt) list.set(entry.address, { ...entry });
          suppressions.set(entry.tenantId, list);
        }
      },
      async list(tenantId, page) {
        const list = suppressions.get(tenantId) ?? new Map<string, SuppressionEntry>();
        return pageOf(
          [...list.keys()].sort().map((address) => list.get(address)!),
          page,
        );
      },
      async isSuppressed(tenantId, address) {
        return suppressions.get(tenantId)?.has(address.trim().toLowerCase()) ?? false;
      },
    },
  };
}

/** A RecordStore holding reports only, served newest first by tenant (what explanations read). */
export function createInMemoryReportRecords(
  reports: ReportRecord[] = [],
): RecordStore & { reports: ReportRecord[] } {
  return {
    reports,
    async putSubmission() {},
    async putReports(records) {
      for (const record of records)
        if (!reports.some((r) => r.reportId === record.reportId)) reports.push(record);
    },
    async getSubmission() {
      return undefined;
    },
    async getReport(reportId) {
      return reports.find((report) => report.reportId === reportId);
    },
    async queryReports(query: ReportQuery) {
      const index = query.index;
      const matching = reports
        .filter((report) => index.by === 'tenant' && report.tenantId === index.tenantId)
        .filter((report) => query.from === undefined || report.receivedAt >= query.from)
        .filter((report) => query.to === undefined || report.receivedAt <= query.to)
        .sort((a, b) => (a.receivedAt < b.receivedAt ? 1 : a.receivedAt > b.receivedAt ? -1 : 0));
      const start = query.cursor === undefined ? 0 : Number(query.cursor);
      const end = start + (query.limit ?? 50);
      return { items: matching.slice(start, end), ...(end < matching.length ? { cursor: String(end) } : {}) };
    },
    async listSubmissions() {
      return { items: [] };
    },
  };
}

/** A Notifier that keeps what it was asked to send. */
export function createRecordingNotifier(): Notifier & { sent: TenantNotice[] } {
  const sent: TenantNotice[] = [];
  return {
    sent,
    async send(notice) {
      sent.push(notice);
    },
  };
}

/** A tenant with an accepted domain and an admin contact. */
export function testTenant(tenantId = 'tenant-a', overrides: Partial<Tenant> = {}): Tenant {
  return {
    tenantId,
    name: `Tenant ${tenantId}`,
    acceptedDomains: [{ domain: `${tenantId}.example`, includeSubdomains: true }],
    dedicatedIps: [],
    adminContact: `admin@${tenantId}.example`,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** Complete in-memory ScoringDeps for `tenants`, with a recording notifier. */
export function createInMemoryScoringDeps(
  options: { tenants?: readonly Tenant[]; stores?: ScoringStores; policy?: ScoringPolicy } = {},
): ScoringDeps & {
  notifier: ReturnType<typeof createRecordingNotifier>;
  records: ReturnType<typeof createInMemoryReportRecords>;
} {
  return {
    ...(options.stores ?? createInMemoryScoringStores()),
    directory: createInMemoryTenantDirectory(options.tenants ?? [testTenant()]),
    records: createInMemoryReportRecords(),
    notifier: createRecordingNotifier(),
    policy: options.policy ?? DEFAULT_POLICY,
  };
}
