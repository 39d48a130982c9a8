import { BatchWriteItemCommand, type DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { TABLE_SPECS, type TableNames } from '../../shared/adapters/dynamodb/tables.ts';
import type { FileRawMailStore } from '../../shared/adapters/file/file-raw-mail-store.ts';

/** What one purge removed. */
export interface PurgeResult {
  /** Items deleted per table. */
  readonly items: Readonly<Record<string, number>>;
  readonly rawMails: number;
}

/** BatchWriteItem takes at most 25 requests (DynamoDB limit). */
const BATCH_LIMIT = 25;
const DAY_MS = 86_400_000;

/**
 * Deletes what retention no longer allows: items whose TTL attribute (`expiresAt`, epoch seconds) has passed, and
 * raw mail files older than `retentionDays`. On AWS the DynamoDB TTL process and an S3 lifecycle rule do this;
 * dynalite has no TTL deleter, so the local runtime scans for expired items itself. This Scan is housekeeping
 * standing in for the service's own background sweep, not an access pattern of the application.
 */
export async function purgeExpired(options: {
  readonly client: DynamoDBClient;
  readonly tables: TableNames;
  readonly rawMail: FileRawMailStore;
  readonly retentionDays: number;
  /** Epoch ms. */
  readonly now: number;
}): Promise<PurgeResult> {
  const items: Record<string, number> = {};
  for (const key of ['tenants', 'reports', 'scores'] as const) {
    const ttl = TABLE_SPECS[key].ttlAttribute;
    if (ttl === undefined) continue;
    items[key] = await purgeTable(options.client, options.tables[key], ttl, Math.floor(options.now / 1000));
  }
  const cutoff = options.now - options.retentionDays * DAY_MS;
  let rawMails = 0;
  for await (const stored of options.rawMail.list()) {
    if (Date.parse(stored.storedAt) < cutoff && (await options.rawMail.delete(stored.submissionId)))
      rawMails++;
  }
  return { items, rawMails };
}

async function purgeTable(client: DynamoDBClient, tableName: string, ttl: string, nowSeconds: number) {
  let deleted = 0;
  let startKey: Record<string, never> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: '#ttl < :now',
        ProjectionExpression: 'pk, sk',
        ExpressionAttributeNames: { '#ttl': ttl },
        ExpressionAttributeValues: { ':now': { N: String(nowSeconds) } },
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    const keys = page.Items ?? [];
    for (let start = 0; start < keys.length; start += BATCH_LIMIT) {
      let requests = keys.slice(start, start + BATCH_LIMIT).map((key) => ({ DeleteRequest: { Key: key } }));
      while (requests.length > 0) {
        const result = await client.send(
          new BatchWriteItemCommand({ RequestItems: { [tableName]: requests } }),
        );
        requests = (result.UnprocessedItems?.[tableName] ?? []).flatMap((item) =>
          item.DeleteRequest?.Key ? [{ DeleteRequest: { Key: item.DeleteRequest.Key } }] : [],
        );
      }
      deleted += Math.min(BATCH_LIMIT, keys.length - start);
    }
    startKey = page.LastEvaluatedKey as Record<string, never> | undefined;
  } while (startKey !== undefined);
  return deleted;
}
