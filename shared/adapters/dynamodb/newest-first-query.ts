/**
 * Newest-first paged Queries over one or more index partitions (merged by the time-ordered sort key), with
 * inclusive from/to bounds as a key condition and an opaque cursor. Never a Scan.
 */
import { type AttributeValue, type DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import {
  type CursorPositions,
  decodeCursor,
  encodeCursor,
  InvalidCursorError,
  toStartKey,
} from './page-cursor.ts';
import type { IndexSpec } from './tables.ts';

type Item = Record<string, AttributeValue>;

/** One index partition to read. */
export interface IndexPartition {
  readonly index: IndexSpec;
  readonly value: string;
}

/** Page sizes (ports.ts ReportQuery): default 50, at most 500. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;
/** Above every character of an id, so `to` includes all items received at exactly `to`. */
const HIGHEST_SUFFIX = '#\uffff';

/** Options of one page. */
export interface NewestFirstOptions {
  readonly from?: string;
  readonly to?: string;
  readonly limit?: number;
  readonly cursor?: string;
}

const positionName = (partition: IndexPartition): string => `${partition.index.indexName}|${partition.value}`;

/** Reads one page, newest first, from the given partitions of `tableName`. */
export async function queryNewestFirst(
  client: DynamoDBClient,
  tableName: string,
  partitions: readonly IndexPartition[],
  options: NewestFirstOptions,
): Promise<{ items: Item[]; cursor?: string }> {
  const limit = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(options.limit ?? DEFAULT_PAGE_SIZE)));
  const positions: CursorPositions = options.cursor === undefined ? {} : decodeCursor(options.cursor);
  const known = new Set(partitions.map(positionName));
  if (Object.keys(positions).some((name) => !known.has(name))) {
    throw new InvalidCursorError('cursor belongs to another query');
  }
  const candidates: { partition: IndexPartition; item: Item }[] = [];
  for (const partition of partitions) {
    const position = positions[positionName(partition)];
    const items = await readPartition(client, tableName, partition, options, limit + 1, position);
    candidates.push(...items.map((item) => ({ partition, item })));
  }
  const sortKey = (item: Item) => item[partitions[0]?.index.sortKey ?? '']?.S ?? '';
  candidates.sort((a, b) =>
    sortKey(a.item) < sortKey(b.item) ? 1 : sortKey(a.item) > sortKey(b.item) ? -1 : 0,
  );
  const page = candidates.slice(0, limit);
  if (candidates.length <= limit) return { items: page.map((c) => c.item) };
  const next: Record<string, Record<string, string>> = { ...positions };
  for (const { partition, item } of page) next[positionName(partition)] = keyOf(item, partition.index);
  return { items: page.map((c) => c.item), cursor: encodeCursor(next) };
}

async function readPartition(
  client: DynamoDBClient,
  tableName: string,
  partition: IndexPartition,
  options: NewestFirstOptions,
  wanted: number,
  position: Readonly<Record<string, string>> | undefined,
): Promise<Item[]> {
  const names: Record<string, string> = { '#pk': partition.index.partitionKey };
  const values: Record<string, AttributeValue> = { ':pk': { S: partition.value } };
  let condition = '#pk = :pk';
  if (options.from !== undefined && options.to !== undefined) {
    condition += ' AND #sk BETWEEN :from AND :to';
    values[':from'] = { S: options.from };
    values[':to'] = { S: options.to + HIGHEST_SUFFIX };
  } else if (options.from !== undefined) {
    condition += ' AND #sk >= :from';
    values[':from'] = { S: options.from };
  } else if (options.to !== undefined) {
    condition += ' AND #sk <= :to';
    values[':to'] = { S: options.to + HIGHEST_SUFFIX };
  }
  // DynamoDB rejects names the expression does not use.
  if (condition.includes('#sk')) names['#sk'] = partition.index.sortKey;
  const items: Item[] = [];
  let startKey = position === undefined ? undefined : toStartKey(position);
  do {
    const result = await client.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: partition.index.indexName,
        KeyConditionExpression: condition,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ScanIndexForward: false,
        Limit: wanted - items.length,
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(result.Items ?? []));
    startKey = result.LastEvaluatedKey;
  } while (startKey !== undefined && items.length < wanted);
  return items;
}

/** The ExclusiveStartKey of an index Query positioned at `item`: table key plus index key. */
function keyOf(item: Item, index: IndexSpec): Record<string, string> {
  const key: Record<string, string> = {};
  for (const name of ['pk', 'sk', index.partitionKey, index.sortKey]) {
    const value = item[name]?.S;
    if (value !== undefined) key[name] = value;
  }
  return key;
}
