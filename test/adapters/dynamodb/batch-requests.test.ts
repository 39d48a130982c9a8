import type { DynamoDBClient, WriteRequest } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { batchWriteAll, DynamoBatchError } from '../../../shared/adapters/dynamodb/batch-requests.ts';

/**
 * DynamoDB returns UnprocessedItems only under throttling, which no local emulator does; this fake keeps the
 * service's contract (the unprocessed requests come back verbatim) to exercise the retry.
 */
function throttlingClient(
  unprocessedRounds: number,
  processedPerRound = 1,
): { client: DynamoDBClient; batches: WriteRequest[][] } {
  const batches: WriteRequest[][] = [];
  const client = {
    async send(command: { input: { RequestItems: Record<string, WriteRequest[]> } }) {
      const [table, requests] = Object.entries(command.input.RequestItems)[0] ?? ['', []];
      batches.push(requests);
      const throttled = batches.length <= unprocessedRounds;
      return { UnprocessedItems: throttled ? { [table]: requests.slice(processedPerRound) } : {} };
    },
  } as unknown as DynamoDBClient;
  return { client, batches };
}

const put = (id: number): WriteRequest => ({ PutRequest: { Item: { pk: { S: `k${id}` }, sk: { S: 's' } } } });

describe('batchWriteAll', () => {
  it('splits into batches of 25 and resends unprocessed items until none remain', async () => {
    const { client, batches } = throttlingClient(2);
    await batchWriteAll(
      client,
      't',
      Array.from({ length: 30 }, (_, i) => put(i)),
    );
    expect(batches.map((b) => b.length)).toEqual([25, 24, 23, 5]);
  });

  it('gives up with a retryable DynamoBatchError when throttling never ends', async () => {
    const { client } = throttlingClient(Number.POSITIVE_INFINITY, 0);
    await expect(batchWriteAll(client, 't', [put(1), put(2)])).rejects.toBeInstanceOf(DynamoBatchError);
  });
});
