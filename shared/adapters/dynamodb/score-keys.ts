/**
 * Items of the `scores` table (TABLE_SPECS.scores: pk, sk, gsi1, gsi2, TTL expiresAt), owned by scoring.
 *
 * | item                    | pk                         | sk                   | index                                   |
 * |-------------------------|----------------------------|----------------------|-----------------------------------------|
 * | score bucket            | BUCKET#<tenant>#<shard>    | W#<windowStart>      | –                                       |
 * | standing                | TENANT#<tenant>            | STANDING             | gsi2: RESTRICTED / <since>#<tenant> (sparse: only while restricted) |
 * | top-tenants rank        | TENANT#<tenant>            | RANK                 | gsi1: TOP#<0..3> / <log-space score>    |
 * | notice ledger           | TENANT#<tenant>            | NOTICE#<key>         | –                                       |
 * | audit entry             | AUDIT#<tenant>             | <at>#<entryId>       | –                                       |
 * | suppressed recipient    | SUPPRESS#<tenant>          | <address>            | –                                       |
 *
 * Bucket shards are separate partition keys, so a flooded tenant's writes spread over partitions. The top index
 * is spread over TOP_SHARDS partitions too (read all and merge), so rank updates never share one hot key.
 */
import { createHash } from 'node:crypto';
import type { BucketRef } from '../../core/score/bucket.ts';

export const GSI_TOP = 'gsi1';
export const GSI_RESTRICTED = 'gsi2';
export const RESTRICTED_PARTITION = 'RESTRICTED';
/** Partitions of the top-tenants index. */
export const TOP_SHARDS = 4;
/** Buckets are kept this long: the lookback (20 half-lives of 24 h) with room for longer tenant half-lives. */
export const BUCKET_RETENTION_DAYS = 90;
const SECONDS_PER_DAY = 86_400;

/** Key of a score bucket. */
export function bucketKey(ref: BucketRef): { pk: string; sk: string } {
  return { pk: bucketPartition(ref.tenantId, ref.shard), sk: windowSortKey(ref.windowStart) };
}

/** Partition of one shard of a tenant's buckets. */
export function bucketPartition(tenantId: string, shard: number): string {
  return `BUCKET#${tenantId}#${shard}`;
}

/** Sort key of a window. */
export function windowSortKey(windowStart: string): string {
  return `W#${windowStart}`;
}

/** TTL of a bucket item (epoch seconds). */
export function bucketExpiry(windowStart: string): number {
  return Math.floor(Date.parse(windowStart) / 1000) + BUCKET_RETENTION_DAYS * SECONDS_PER_DAY;
}

/** Partition of a tenant's standing, rank and notices. */
export function tenantPartition(tenantId: string): string {
  return `TENANT#${tenantId}`;
}

/** Which top-index partition a tenant's rank lives in. */
export function topPartition(tenantId: string): string {
  const shard = createHash('sha256').update(tenantId).digest().readUInt8(0) % TOP_SHARDS;
  return `TOP#${shard}`;
}

/** Offset that makes every log-space score positive, and its fixed-width decimal form sort as numbers do. */
const LOG_OFFSET = 1e6;
const LOG_SCALE = 1e9;
const LOG_WIDTH = 20;

/** Sort key of a log-space score: fixed-width, zero-padded, so string order is numeric order. */
export function logScoreSortKey(logScore: number): string {
  const scaled = Math.round((Math.max(-LOG_OFFSET + 1, logScore) + LOG_OFFSET) * LOG_SCALE);
  return String(scaled).padStart(LOG_WIDTH, '0');
}

/** Partition of a tenant's audit trail. */
export function auditPartition(tenantId: string): string {
  return `AUDIT#${tenantId}`;
}

/** Partition of a tenant's suppression list. */
export function suppressionPartition(tenantId: string): string {
  return `SUPPRESS#${tenantId}`;
}

/** True for the error a failed ConditionExpression raises (SDK v3 names it). */
export function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}
