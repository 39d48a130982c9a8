/**
 * How submission and report records map to items of the `reports` table (key design in tables.ts). The record
 * itself is kept as JSON in `data`; the key and index attributes beside it are derived, so rewriting the same
 * record rewrites the same item (idempotent) and moves it between index partitions when its attribution changes.
 */
import { createHash } from 'node:crypto';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { ReportRecord, SubmissionRecord } from '../../core/model/index.ts';
import { normalizeMessageId } from '../../core/parse/fingerprint.ts';
import { RECEIVED_SORT_KEY, REPORT_INDEXES, SUBMISSION_STATUS_INDEX } from './tables.ts';

type Item = Record<string, AttributeValue>;

/**
 * Every report lands in one day partition and every submission in one status partition: the firehose indexes.
 * One index partition takes about 1,000 writes/s, so those two are spread over WRITE_SHARDS partitions by a
 * hash of the item's id (stable, so a rewrite lands where the first write did) and read back merged.
 */
export const WRITE_SHARDS = 4;

/** The shard of an id: FNV-1a, stable across processes and runtimes. */
export function shardOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return hash % WRITE_SHARDS;
}

/** Partition values of a sharded index key: `<value>#<shard>` for every shard. */
export function shardedValues(value: string): string[] {
  return Array.from({ length: WRITE_SHARDS }, (_, shard) => `${value}#${shard}`);
}

/**
 * Longest Message-ID kept verbatim as an index key. A GSI partition key holds at most 2,048 bytes (DynamoDB
 * quotas); a Message-ID line may run to 998 characters (RFC 5322 §2.1.1) and past 2,048 bytes in UTF-8 (RFC 6532),
 * or longer still when folded. Real ones are far below 1,024 bytes, so only pathological values are hashed.
 */
const MAX_MESSAGE_ID_KEY_BYTES = 1024;

/**
 * The byMessageId partition value: the Message-ID normalised as the parser does for fingerprints (lower-case, no
 * angle brackets, no whitespace), or `sha256 <hex>` of that when longer than MAX_MESSAGE_ID_KEY_BYTES. The space
 * cannot occur in a normalised Message-ID, so a hashed key never equals a verbatim one. Writers and readers both
 * derive the key here; readers still compare the record's Message-ID itself (report-filters.ts).
 */
export function messageIdKey(messageId: string | undefined): string | undefined {
  const normalized = normalizeMessageId(messageId);
  if (normalized === undefined || Buffer.byteLength(normalized, 'utf8') <= MAX_MESSAGE_ID_KEY_BYTES)
    return normalized;
  return `sha256 ${createHash('sha256').update(normalized, 'utf8').digest('hex')}`;
}

/** Items are limited to 400 KB (DynamoDB quotas); the rest of the budget is keys and index attributes. */
const MAX_DATA_BYTES = 380_000;

/** A record too large for one item even after the core's caps: permanent, never retried successfully. */
export class RecordTooLargeError extends Error {
  override name = 'RecordTooLargeError';
}

/** Primary key of a submission item. */
export const submissionKey = (submissionId: string): Item => ({
  pk: { S: `SUB#${submissionId}` },
  sk: { S: 'SUBMISSION' },
});

/** Primary key of a report item. */
export const reportKey = (reportId: string): Item => ({
  pk: { S: `REPORT#${reportId}` },
  sk: { S: 'REPORT' },
});

/** `<receivedAt>#<id>`: newest-first order within every index partition, unique per item. */
export const receivedSortKey = (receivedAt: string, id: string): string => `${receivedAt}#${id}`;

function data(record: unknown): AttributeValue {
  const json = JSON.stringify(record);
  if (Buffer.byteLength(json, 'utf8') > MAX_DATA_BYTES) {
    throw new RecordTooLargeError(`record of ${Buffer.byteLength(json, 'utf8')} bytes exceeds one item`);
  }
  return { S: json };
}

/** Index attributes are left out when empty: DynamoDB rejects empty strings as index keys (sparse indexes). */
function indexAttributes(pairs: readonly (readonly [string, string | undefined])[]): Item {
  const item: Item = {};
  for (const [name, value] of pairs) {
    if (value !== undefined && value !== '') item[name] = { S: value };
  }
  return item;
}

/** The item for a submission record. */
export function submissionItem(record: SubmissionRecord): Item {
  return {
    ...submissionKey(record.submissionId),
    ...indexAttributes([
      [SUBMISSION_STATUS_INDEX.partitionKey, `${record.status}#${shardOf(record.submissionId)}`],
      [RECEIVED_SORT_KEY, receivedSortKey(record.receivedAt, record.submissionId)],
    ]),
    expiresAt: { N: String(record.expiresAt) },
    data: data(record),
  };
}

/** The item for a report record, with one attribute per report index it belongs to. */
export function reportItem(record: ReportRecord): Item {
  return {
    ...reportKey(record.reportId),
    ...indexAttributes([
      [RECEIVED_SORT_KEY, receivedSortKey(record.receivedAt, record.reportId)],
      [REPORT_INDEXES.tenant.partitionKey, record.tenantId],
      [REPORT_INDEXES['source-ip'].partitionKey, record.sourceIp?.toLowerCase()],
      [REPORT_INDEXES['sender-domain'].partitionKey, record.senderDomain?.toLowerCase()],
      [REPORT_INDEXES['sender-address'].partitionKey, record.senderAddress?.toLowerCase()],
      [REPORT_INDEXES.reporter.partitionKey, record.reporter.domain?.toLowerCase()],
      [REPORT_INDEXES.fingerprint.partitionKey, record.fingerprint],
      [REPORT_INDEXES['message-id'].partitionKey, messageIdKey(record.messageId)],
      [REPORT_INDEXES.received.partitionKey, `${record.receivedAt.slice(0, 10)}#${shardOf(record.reportId)}`],
    ]),
    expiresAt: { N: String(record.expiresAt) },
    data: data(record),
  };
}

/** The record kept in an item's `data`. */
export function recordOf<T>(item: Item): T {
  const json = item.data?.S;
  if (json === undefined) throw new Error('item without data attribute');
  return JSON.parse(json) as T;
}
