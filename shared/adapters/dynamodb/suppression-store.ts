import {
  type AttributeValue,
  type DynamoDBClient,
  GetItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { mapConcurrently } from '../../core/async/map-concurrently.ts';
import type { SuppressionEntry, SuppressionStore } from '../../core/score/ports.ts';
import { isConditionFailure, suppressionPartition } from './score-keys.ts';
import { queryScoreTablePage } from './score-table-page.ts';

type Item = Record<string, AttributeValue>;

/** Conditional writes in flight per add: distinct items, so overlapping them only hides round-trip latency. */
const ADD_CONCURRENCY = 8;

/** Suppression lists on the `scores` table: SUPPRESS#<tenant> / <address>, the earliest complaint kept. */
export function createDynamoSuppressionStore(options: {
  client: DynamoDBClient;
  tableName: string;
}): SuppressionStore {
  const { client, tableName } = options;
  return {
    async add(entries) {
      // One conditional write per address (the earliest complaint wins); they touch distinct items, so a few run
      // at once instead of one round trip after another.
      await mapConcurrently(entries, ADD_CONCURRENCY, async (entry) => {
        try {
          await client.send(
            new UpdateItemCommand({
              TableName: tableName,
              Key: { pk: { S: suppressionPartition(entry.tenantId) }, sk: { S: entry.address } },
              UpdateExpression: 'SET tenantId = :t, address = :a, firstAt = :at, reportId = :r',
              ConditionExpression: 'attribute_not_exists(firstAt) OR firstAt > :at',
              ExpressionAttributeValues: {
                ':t': { S: entry.tenantId },
                ':a': { S: entry.address },
                ':at': { S: entry.firstAt },
                ':r': { S: entry.reportId },
              },
            }),
          );
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
        }
      });
    },

    list(tenantId, page) {
      return queryScoreTablePage(
        options,
        { pk: suppressionPartition(tenantId), newestFirst: false, ...(page === undefined ? {} : { page }) },
        entryOf,
      );
    },

    async isSuppressed(tenantId, address) {
      const { Item } = await client.send(
        new GetItemCommand({
          TableName: tableName,
          Key: { pk: { S: suppressionPartition(tenantId) }, sk: { S: address.trim().toLowerCase() } },
        }),
      );
      return Item !== undefined;
    },
  };
}

function entryOf(item: Item): SuppressionEntry {
  return {
    tenantId: item.tenantId?.S ?? '',
    address: item.address?.S ?? '',
    firstAt: item.firstAt?.S ?? '',
    reportId: item.reportId?.S ?? '',
  };
}
