import {
  type AttributeValue,
  type DynamoDBClient,
  GetItemCommand,
  QueryCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import {
  BUCKET_SHARDS,
  type BucketEntry,
  type BucketRef,
  entryName,
  parseEntry,
  type ScoreBucket,
} from '../../core/score/bucket.ts';
import type { ScoreStore } from '../../core/score/ports.ts';
import { bucketExpiry, bucketKey, bucketPartition, isConditionFailure, windowSortKey } from './score-keys.ts';

type Item = Record<string, AttributeValue>;

/**
 * Score buckets on the `scores` table: one item per tenant window and shard, one numeric attribute per dedupe
 * key. writeEntries is one UpdateItem whose condition lets each entry in only where absent or smaller (DESIGN §4:
 * single conditional writes, no transactions).
 */
export function createDynamoScoreStore(options: { client: DynamoDBClient; tableName: string }): ScoreStore {
  const { client, tableName } = options;
  return {
    async readBucket(ref) {
      const { pk, sk } = bucketKey(ref);
      const { Item } = await client.send(
        new GetItemCommand({
          TableName: tableName,
          Key: { pk: { S: pk }, sk: { S: sk } },
          ConsistentRead: true,
        }),
      );
      return Item === undefined ? undefined : bucketOf(ref, Item);
    },

    async writeEntries(ref, entries) {
      if (entries.length === 0) return true;
      const { pk, sk } = bucketKey(ref);
      // Placeholders throughout: `shard` and other plain words are DynamoDB reserved words.
      const names: Record<string, string> = {
        '#tenant': 'tenantId',
        '#window': 'windowStart',
        '#shard': 'shard',
        '#exp': 'expiresAt',
      };
      const values: Item = {
        ':tenant': { S: ref.tenantId },
        ':window': { S: ref.windowStart },
        ':shard': { N: String(ref.shard) },
        ':exp': { N: String(bucketExpiry(ref.windowStart)) },
      };
      const sets = ['#tenant = :tenant', '#window = :window', '#shard = :shard', '#exp = :exp'];
      const conditions: string[] = [];
      entries.forEach((entry: BucketEntry, index) => {
        names[`#e${index}`] = entryName(entry);
        values[`:v${index}`] = { N: String(entry.value) };
        sets.push(`#e${index} = :v${index}`);
        conditions.push(`(attribute_not_exists(#e${index}) OR #e${index} < :v${index})`);
      });
      try {
        await client.send(
          new UpdateItemCommand({
            TableName: tableName,
            Key: { pk: { S: pk }, sk: { S: sk } },
            UpdateExpression: `SET ${sets.join(', ')}`,
            ConditionExpression: conditions.join(' AND '),
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    async readBuckets(tenantId, fromWindow, toWindow) {
      // Shards are separate partitions: queried at once, concatenated in shard order.
      const perShard = await Promise.all(
        Array.from({ length: BUCKET_SHARDS }, async (_, shard) => {
          const buckets: ScoreBucket[] = [];
          let start: Item | undefined;
          do {
            const page = await client.send(
              new QueryCommand({
                TableName: tableName,
                KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
                ExpressionAttributeValues: {
                  ':pk': { S: bucketPartition(tenantId, shard) },
                  ':from': { S: windowSortKey(fromWindow) },
                  ':to': { S: windowSortKey(toWindow) },
                },
                ConsistentRead: true,
                ...(start === undefined ? {} : { ExclusiveStartKey: start }),
              }),
            );
            for (const item of page.Items ?? []) {
              const windowStart = item.windowStart?.S;
              if (windowStart !== undefined) buckets.push(bucketOf({ tenantId, windowStart, shard }, item));
            }
            start = page.LastEvaluatedKey;
          } while (start !== undefined);
          return buckets;
        }),
      );
      return perShard.flat();
    },
  };
}

function bucketOf(ref: BucketRef, item: Item): ScoreBucket {
  const entries: BucketEntry[] = [];
  for (const [name, value] of Object.entries(item)) {
    if (value.N === undefined) continue;
    const entry = parseEntry(name, Number(value.N));
    if (entry !== undefined) entries.push(entry);
  }
  return { ...ref, entries };
}
