/**
 * BatchWriteItem and BatchGetItem with their size limits and the retry of unprocessed items that the service
 * returns under throttling (exponential backoff with jitter, bounded; then a typed, retryable error).
 */
import {
  type AttributeValue,
  BatchGetItemCommand,
  BatchWriteItemCommand,
  type DynamoDBClient,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';

/** BatchWriteItem takes at most 25 requests (DynamoDB API reference). */
const MAX_WRITE_BATCH = 25;
/** BatchGetItem takes at most 100 keys. */
const MAX_GET_BATCH = 100;
/** Attempts for the unprocessed remainder before giving up; ~6 s of backoff in total. */
const MAX_ATTEMPTS = 8;
const BASE_DELAY_MS = 25;
const MAX_DELAY_MS = 2_000;

type Item = Record<string, AttributeValue>;

/** Unprocessed items remained after every retry: transient, the caller's message should be retried. */
export class DynamoBatchError extends Error {
  override name = 'DynamoBatchError';
}

/** Writes every request (puts and deletes) to one table, retrying unprocessed ones. */
export async function batchWriteAll(
  client: DynamoDBClient,
  tableName: string,
  requests: readonly WriteRequest[],
): Promise<void> {
  for (let start = 0; start < requests.length; start += MAX_WRITE_BATCH) {
    let pending: WriteRequest[] = requests.slice(start, start + MAX_WRITE_BATCH);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= MAX_ATTEMPTS) {
        throw new DynamoBatchError(`${pending.length} writes to ${tableName} stayed unprocessed`);
      }
      if (attempt > 0) await backoff(attempt);
      const result = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: pending } }));
      pending = result.UnprocessedItems?.[tableName] ?? [];
    }
  }
}

/** Reads every key from one table (strongly consistent), retrying unprocessed keys; order is not kept. */
export async function batchGetAll(
  client: DynamoDBClient,
  tableName: string,
  keys: readonly Item[],
): Promise<Item[]> {
  const found: Item[] = [];
  for (let start = 0; start < keys.length; start += MAX_GET_BATCH) {
    let pending: Item[] = keys.slice(start, start + MAX_GET_BATCH);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= MAX_ATTEMPTS) {
        throw new DynamoBatchError(`${pending.length} reads from ${tableName} stayed unprocessed`);
      }
      if (attempt > 0) await backoff(attempt);
      const result = await client.send(
        new BatchGetItemCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }),
      );
      found.push(...(result.Responses?.[tableName] ?? []));
      pending = result.UnprocessedKeys?.[tableName]?.Keys ?? [];
    }
  }
  return found;
}

function backoff(attempt: number): Promise<void> {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
  // Full jitter (AWS Architecture Blog, "Exponential Backoff and Jitter").
  const delay = Math.random() * ceiling;
  return new Promise((resolve) => setTimeout(resolve, delay));
}
