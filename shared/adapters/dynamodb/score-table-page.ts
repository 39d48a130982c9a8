import { type AttributeValue, type DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import type { Page } from '../../core/ports.ts';
import { decodeCursor, encodeCursor, toStartKey } from './page-cursor.ts';

type Item = Record<string, AttributeValue>;

/** Page sizes of the scoring lists: default 50, at most 500 (as ports.ts pages reports). */
const DEFAULT_PAGE = 50;
const MAX_PAGE = 500;

/** One page of a partition of the `scores` table (pk / sk), with an opaque cursor; never a Scan. */
export async function queryScoreTablePage<T>(
  options: { client: DynamoDBClient; tableName: string },
  query: { pk: string; newestFirst: boolean; page?: { limit?: number; cursor?: string } },
  read: (item: Item) => T | undefined,
): Promise<Page<T>> {
  const limit = Math.min(query.page?.limit ?? DEFAULT_PAGE, MAX_PAGE);
  const start = query.page?.cursor === undefined ? undefined : decodeCursor(query.page.cursor)[query.pk];
  const result = await options.client.send(
    new QueryCommand({
      TableName: options.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': { S: query.pk } },
      ScanIndexForward: !query.newestFirst,
      Limit: limit,
      ...(start === undefined ? {} : { ExclusiveStartKey: toStartKey(start) }),
    }),
  );
  const items = (result.Items ?? []).flatMap((item) => {
    const value = read(item);
    return value === undefined ? [] : [value];
  });
  const last = result.LastEvaluatedKey;
  return {
    items,
    ...(last === undefined
      ? {}
      : { cursor: encodeCursor({ [query.pk]: { pk: last.pk?.S ?? '', sk: last.sk?.S ?? '' } }) }),
  };
}
