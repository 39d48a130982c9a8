import type { AttributeValue, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { batchWriteAll } from '../../shared/adapters/dynamodb/batch-requests.ts';
import { expiredBucketKeys } from '../../shared/adapters/dynamodb/expired-buckets.ts';
import { expiredRecordKeys } from '../../shared/adapters/dynamodb/expired-records.ts';
import type { TableNames } from '../../shared/adapters/dynamodb/tables.ts';
import type { FileRawMailStore } from '../../shared/adapters/file/file-raw-mail-store.ts';

/** What one purge removed. */
export interface PurgeResult {
  /** Items deleted per table with a TTL attribute (reports, scores). */
  readonly items: Readonly<Record<string, number>>;
  readonly rawMails: number;
}

const DAY_MS = 86_400_000;

async function deleteAll(
  client: DynamoDBClient,
  tableName: string,
  pages: AsyncIterable<Record<string, AttributeValue>[]>,
): Promise<number> {
  let deleted = 0;
  for await (const keys of pages) {
    await batchWriteAll(
      client,
      tableName,
      keys.map((Key) => ({ DeleteRequest: { Key } })),
    );
    deleted += keys.length;
  }
  return deleted;
}

/**
 * Deletes what retention no longer allows: items whose TTL attribute (`expiresAt`, epoch seconds) has passed, and
 * raw mail files older than `retentionDays`. On AWS the DynamoDB TTL process and an S3 lifecycle rule do this;
 * dynalite has no TTL deleter, so the local runtime finds expired items itself, through keys and indexes like
 * every other read (no Scan): reports and submissions received before now − retentionDays through byDay and
 * byStatus (expired-records.ts), score buckets through each known tenant's bucket partitions (expired-buckets.ts).
 * The tenants table has no TTL. Among those candidates `expiresAt` decides, as DynamoDB's TTL would.
 */
export async function purgeExpired(options: {
  readonly client: DynamoDBClient;
  readonly tables: TableNames;
  readonly rawMail: FileRawMailStore;
  readonly retentionDays: number;
  /** Epoch ms. */
  readonly now: number;
}): Promise<PurgeResult> {
  const { client, tables, now } = options;
  const cutoff = now - options.retentionDays * DAY_MS;
  const nowSeconds = Math.floor(now / 1000);
  const items = {
    reports: await deleteAll(
      client,
      tables.reports,
      expiredRecordKeys(client, tables.reports, new Date(cutoff).toISOString(), nowSeconds),
    ),
    scores: await deleteAll(client, tables.scores, expiredBucketKeys(client, tables, now)),
  };
  let rawMails = 0;
  for await (const stored of options.rawMail.list()) {
    if (Date.parse(stored.storedAt) < cutoff && (await options.rawMail.delete(stored.submissionId)))
      rawMails++;
  }
  return { items, rawMails };
}
