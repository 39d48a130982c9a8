/**
 * Expired reports and submissions of the `reports` table, found through their time-ordered indexes (never a Scan):
 * submissions through the byStatus partitions below the cutoff, reports through the byDay partitions of every day
 * from the oldest submission's day to the cutoff. For the local runtime's retention purge; on AWS, TTL does this.
 */
import { type AttributeValue, type DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { SUBMISSION_STATUSES } from '../../core/model/index.ts';
import { expiredKeys } from './expiring-keys.ts';
import { shardedValues } from './record-items.ts';
import { RECEIVED_SORT_KEY, REPORT_INDEXES, SUBMISSION_STATUS_INDEX } from './tables.ts';

type Item = Record<string, AttributeValue>;

const DAY_MS = 86_400_000;
/**
 * Days walked before the oldest remaining submission's day. A report is written before its submission and purged
 * before it (below), so older reports exist only when a write was interrupted between the two; this margin catches
 * those near the cutoff. An orphan report older than that is not found: no index lists days that hold only orphans.
 */
const ORPHAN_MARGIN_DAYS = 30;

const statusPartitions = (): string[] => SUBMISSION_STATUSES.flatMap((status) => shardedValues(status));

/** The day (YYYY-MM-DD) of the oldest submission in any byStatus partition, or undefined for an empty table. */
async function oldestSubmissionDay(client: DynamoDBClient, tableName: string): Promise<string | undefined> {
  let oldest: string | undefined;
  for (const value of statusPartitions()) {
    const page = await client.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: SUBMISSION_STATUS_INDEX.indexName,
        KeyConditionExpression: '#pk = :pk',
        ProjectionExpression: '#sk',
        ExpressionAttributeNames: { '#pk': SUBMISSION_STATUS_INDEX.partitionKey, '#sk': RECEIVED_SORT_KEY },
        ExpressionAttributeValues: { ':pk': { S: value } },
        ScanIndexForward: true,
        Limit: 1,
      }),
    );
    const day = page.Items?.[0]?.[RECEIVED_SORT_KEY]?.S?.slice(0, 10);
    if (day !== undefined && (oldest === undefined || day < oldest)) oldest = day;
  }
  return oldest;
}

function daysFrom(first: string, last: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += DAY_MS) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

/**
 * Yields pages of keys of reports, then submissions, received before `cutoff` (ISO 8601; now minus the retention)
 * whose `expiresAt` has passed. Reports come first so that an interrupted purge never leaves reports older than
 * every submission, which is where the day walk starts.
 */
export async function* expiredRecordKeys(
  client: DynamoDBClient,
  tableName: string,
  cutoff: string,
  nowSeconds: number,
): AsyncGenerator<Item[]> {
  const cutoffDay = cutoff.slice(0, 10);
  const margin = new Date(Date.parse(cutoff) - ORPHAN_MARGIN_DAYS * DAY_MS).toISOString().slice(0, 10);
  const oldest = await oldestSubmissionDay(client, tableName);
  const firstDay = oldest !== undefined && oldest < margin ? oldest : margin;
  const byDay = REPORT_INDEXES.received;
  for (const day of daysFrom(firstDay, cutoffDay)) {
    for (const value of shardedValues(day)) {
      yield* expiredKeys(client, tableName, { ...byDay, value, sortBelow: cutoff }, nowSeconds);
    }
  }
  for (const value of statusPartitions()) {
    yield* expiredKeys(
      client,
      tableName,
      { ...SUBMISSION_STATUS_INDEX, value, sortBelow: cutoff },
      nowSeconds,
    );
  }
}
