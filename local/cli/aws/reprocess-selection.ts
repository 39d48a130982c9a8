/**
 * Which stored raw mail `aws-reprocess` sends through intake again, with each submission's original received
 * time: named ids from their submission records (GetItem in batches), or every submission received in a range
 * through the byStatus index (a key-condition Query per partition, never a Scan). An id without a record (raw mail
 * never processed) falls back to the S3 object's LastModified, which is when SES stored it. Records past their
 * `expiresAt` are left out: DynamoDB's TTL deletes them up to days late, and their raw mail may already be gone,
 * which would send the message to the dead-letter queue.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { MAX_PAGE_SIZE, queryNewestFirst } from '../../../shared/adapters/dynamodb/newest-first-query.ts';
import { recordOf, shardedValues } from '../../../shared/adapters/dynamodb/record-items.ts';
import { createDynamoRecordStore } from '../../../shared/adapters/dynamodb/record-store.ts';
import { SUBMISSION_STATUS_INDEX } from '../../../shared/adapters/dynamodb/tables.ts';
import { SUBMISSION_STATUSES, type SubmissionRecord } from '../../../shared/core/model/index.ts';
import { type RawMailLocation, type ReprocessTarget, receivedInRange } from './reprocess-messages.ts';

/** What to select: ids, or a received-time range (inclusive ISO 8601 bounds, already normalised). */
export interface ReprocessSelection {
  readonly ids?: readonly string[];
  readonly since?: string;
  readonly until?: string;
  /** Now, in epoch seconds: records whose `expiresAt` is not after it are expired. */
  readonly nowSeconds: number;
}

/** A chosen id that cannot be sent, with the reason. */
export interface SkippedSubmission {
  readonly submissionId: string;
  readonly reason: string;
}

/** The selection's outcome: targets oldest first, ids that could not be resolved, expired records' ids. */
export interface SelectedTargets {
  readonly targets: ReprocessTarget[];
  readonly skipped: SkippedSubmission[];
  readonly expired: string[];
}

/** The clients and names selection reads; clients are built by the caller. */
export interface SelectionSources {
  readonly dynamodb: DynamoDBClient;
  readonly reportsTable: string;
  readonly s3: S3Client;
  readonly rawMail: RawMailLocation;
}

const byReceivedAt = (a: ReprocessTarget, b: ReprocessTarget): number =>
  a.receivedAt < b.receivedAt
    ? -1
    : a.receivedAt > b.receivedAt
      ? 1
      : a.submissionId.localeCompare(b.submissionId);

const fromRecord = (record: SubmissionRecord): ReprocessTarget => ({
  submissionId: record.submissionId,
  receivedAt: record.receivedAt,
  receivedAtFrom: 'submission-record',
});

/** Selects the submissions to reprocess; see the module comment. */
export async function selectReprocessTargets(
  sources: SelectionSources,
  selection: ReprocessSelection,
): Promise<SelectedTargets> {
  const found =
    selection.ids === undefined
      ? { records: await submissionsInRange(sources, selection), fromS3: [], skipped: [] }
      : await submissionsByIds(sources, [...new Set(selection.ids)]);
  const expired: string[] = [];
  const targets = [...found.fromS3];
  for (const record of found.records) {
    if (!receivedInRange(record.receivedAt, selection.since, selection.until)) continue;
    if (record.expiresAt <= selection.nowSeconds) expired.push(record.submissionId);
    else targets.push(fromRecord(record));
  }
  return {
    targets: targets
      .filter((target) => receivedInRange(target.receivedAt, selection.since, selection.until))
      .sort(byReceivedAt),
    skipped: found.skipped,
    expired,
  };
}

/** What the two ways of selecting find: records, ids dated by S3 alone, and ids that are nowhere. */
interface Found {
  readonly records: SubmissionRecord[];
  readonly fromS3: ReprocessTarget[];
  readonly skipped: SkippedSubmission[];
}

/** Every submission, processed or unusable, whose receivedSk lies in the range (all shards of byStatus). */
async function submissionsInRange(
  sources: SelectionSources,
  range: ReprocessSelection,
): Promise<SubmissionRecord[]> {
  const partitions = SUBMISSION_STATUSES.flatMap((status) =>
    shardedValues(status).map((value) => ({ index: SUBMISSION_STATUS_INDEX, value })),
  );
  const records: SubmissionRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryNewestFirst(sources.dynamodb, sources.reportsTable, partitions, {
      ...(range.since === undefined ? {} : { from: range.since }),
      ...(range.until === undefined ? {} : { to: range.until }),
      limit: MAX_PAGE_SIZE,
      ...(cursor === undefined ? {} : { cursor }),
    });
    records.push(...page.items.map((item) => recordOf<SubmissionRecord>(item)));
    cursor = page.cursor;
  } while (cursor !== undefined);
  return records;
}

async function submissionsByIds(sources: SelectionSources, ids: readonly string[]): Promise<Found> {
  const store = createDynamoRecordStore({ client: sources.dynamodb, tableName: sources.reportsTable });
  const records = store.getSubmissions
    ? await store.getSubmissions(ids)
    : (await Promise.all(ids.map((id) => store.getSubmission(id)))).filter((r) => r !== undefined);
  const known = new Set(records.map((record) => record.submissionId));
  const fromS3: ReprocessTarget[] = [];
  const skipped: SkippedSubmission[] = [];
  for (const id of ids.filter((id) => !known.has(id))) {
    const stored = await lastModified(sources, id);
    if (typeof stored === 'string') {
      fromS3.push({ submissionId: id, receivedAt: stored, receivedAtFrom: 's3-last-modified' });
    } else {
      skipped.push({ submissionId: id, reason: stored.reason });
    }
  }
  return { records, fromS3, skipped };
}

/** The object's LastModified (ISO 8601), or why there is none to use. */
async function lastModified(sources: SelectionSources, id: string): Promise<string | { reason: string }> {
  const key = `${sources.rawMail.prefix}${id}`;
  try {
    const head = await sources.s3.send(new HeadObjectCommand({ Bucket: sources.rawMail.bucket, Key: key }));
    if (head.LastModified === undefined)
      return { reason: `s3://${sources.rawMail.bucket}/${key} has no LastModified` };
    return head.LastModified.toISOString();
  } catch (error) {
    const name = (error as { name?: unknown } | null)?.name;
    if (name === 'NotFound' || name === 'NoSuchKey') {
      return { reason: `no submission record and no raw mail at s3://${sources.rawMail.bucket}/${key}` };
    }
    return { reason: `HeadObject s3://${sources.rawMail.bucket}/${key} failed: ${messageOf(error)}` };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
