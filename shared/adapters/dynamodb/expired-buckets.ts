/**
 * Expired score buckets of the `scores` table (score-keys.ts: BUCKET#<tenant>#<shard> / W#<windowStart>, TTL
 * windowStart + BUCKET_RETENTION_DAYS), found through their keys: the tenants come from the tenants table's byList
 * index and the scores table's top-tenants index (gsi1, a RANK item per scored tenant, kept after the tenant is
 * deleted), then each bucket partition is read below the window cutoff. Buckets of a tenant in neither list (a
 * tenant deleted before it was ever ranked) cannot be found without a Scan and stay until the tenant id returns.
 * Other scores items (standings, ranks, notices, audit, suppressions) carry no TTL.
 */
import { type AttributeValue, type DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { BUCKET_SHARDS } from '../../core/score/bucket.ts';
import { expiredKeys } from './expiring-keys.ts';
import { BUCKET_RETENTION_DAYS, bucketPartition, GSI_TOP, TOP_SHARDS, windowSortKey } from './score-keys.ts';
import { TENANT_LIST_INDEX } from './tables.ts';
import { TENANT_LIST_PK } from './tenant-directory-store.ts';

type Item = Record<string, AttributeValue>;

const DAY_MS = 86_400_000;

async function* queryAll(client: DynamoDBClient, command: QueryCommand['input']): AsyncGenerator<Item> {
  let startKey: Item | undefined;
  do {
    const page = await client.send(
      new QueryCommand({ ...command, ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }) }),
    );
    yield* page.Items ?? [];
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
}

/** Every tenant id that may own buckets: listed tenants and every ranked tenant. */
async function scoredTenantIds(
  client: DynamoDBClient,
  tables: { readonly tenants: string; readonly scores: string },
): Promise<Set<string>> {
  const ids = new Set<string>();
  for await (const item of queryAll(client, {
    TableName: tables.tenants,
    IndexName: TENANT_LIST_INDEX.indexName,
    KeyConditionExpression: '#pk = :pk',
    ProjectionExpression: '#id',
    ExpressionAttributeNames: { '#pk': TENANT_LIST_INDEX.partitionKey, '#id': TENANT_LIST_INDEX.sortKey },
    ExpressionAttributeValues: { ':pk': { S: TENANT_LIST_PK } },
  })) {
    const id = item[TENANT_LIST_INDEX.sortKey]?.S;
    if (id !== undefined) ids.add(id);
  }
  for (let shard = 0; shard < TOP_SHARDS; shard++) {
    for await (const item of queryAll(client, {
      TableName: tables.scores,
      IndexName: GSI_TOP,
      KeyConditionExpression: 'gsi1pk = :top',
      ProjectionExpression: 'tenantId',
      ExpressionAttributeValues: { ':top': { S: `TOP#${shard}` } },
    })) {
      const id = item['tenantId']?.S;
      if (id !== undefined) ids.add(id);
    }
  }
  return ids;
}

/** Yields pages of keys of score buckets whose window ended its retention before `nowMs` and whose TTL passed. */
export async function* expiredBucketKeys(
  client: DynamoDBClient,
  tables: { readonly tenants: string; readonly scores: string },
  nowMs: number,
): AsyncGenerator<Item[]> {
  const sortBelow = windowSortKey(new Date(nowMs - BUCKET_RETENTION_DAYS * DAY_MS).toISOString());
  const nowSeconds = Math.floor(nowMs / 1000);
  for (const tenantId of await scoredTenantIds(client, tables)) {
    for (let shard = 0; shard < BUCKET_SHARDS; shard++) {
      yield* expiredKeys(
        client,
        tables.scores,
        { partitionKey: 'pk', sortKey: 'sk', value: bucketPartition(tenantId, shard), sortBelow },
        nowSeconds,
      );
    }
  }
}
