/**
 * Paged Queries that yield the primary keys of items whose TTL (`expiresAt`, epoch seconds) has passed, within one
 * table or index partition and below a sort-key bound. The building block of the local runtime's retention purge,
 * which stands in for DynamoDB's TTL sweeper without a Scan (expired-records.ts, expired-buckets.ts).
 */
import { type AttributeValue, type DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';

type Item = Record<string, AttributeValue>;

/** One partition to read: of the table itself, or of an index (then `indexName` is set). */
export interface ExpiringPartition {
  readonly indexName?: string;
  readonly partitionKey: string;
  readonly sortKey: string;
  readonly value: string;
  /** Only items whose sort key is below this (exclusive): older than the retention. */
  readonly sortBelow: string;
}

/** Items read per Query page: keeps one purge's memory flat however much expired. */
const PAGE_SIZE = 500;

/** Yields the table keys (pk, sk) of expired items in the partition, a page at a time, oldest first. */
export async function* expiredKeys(
  client: DynamoDBClient,
  tableName: string,
  partition: ExpiringPartition,
  nowSeconds: number,
): AsyncGenerator<Item[]> {
  let startKey: Item | undefined;
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: tableName,
        ...(partition.indexName === undefined ? {} : { IndexName: partition.indexName }),
        KeyConditionExpression: '#pk = :pk AND #sk < :below',
        // A filter on a Query reads only this partition's range; it is not a Scan.
        FilterExpression: '#ttl < :now',
        ProjectionExpression: 'pk, sk',
        ExpressionAttributeNames: {
          '#pk': partition.partitionKey,
          '#sk': partition.sortKey,
          '#ttl': 'expiresAt',
        },
        ExpressionAttributeValues: {
          ':pk': { S: partition.value },
          ':below': { S: partition.sortBelow },
          ':now': { N: String(nowSeconds) },
        },
        Limit: PAGE_SIZE,
        ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }),
      }),
    );
    const keys = (page.Items ?? []).flatMap((item) =>
      item.pk && item.sk ? [{ pk: item.pk, sk: item.sk }] : [],
    );
    if (keys.length > 0) yield keys;
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
}
