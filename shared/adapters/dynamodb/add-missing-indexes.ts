/**
 * Brings a table created under an older key design up to its spec by adding the indexes it lacks. DynamoDB and
 * DynamoDB Local create (and backfill) an index with UpdateTable; dynalite 4 refuses it (its validation demands
 * ProvisionedThroughput, which an on-demand table must not send) and would ignore it anyway, so what is still
 * missing afterwards is returned for the caller to report, and readers fall back (MissingIndexError).
 */
import {
  DescribeTableCommand,
  type DynamoDBClient,
  type GlobalSecondaryIndexDescription,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';
import type { IndexSpec, TableSpec } from './tables.ts';

/** An index of the spec that the physical table does not have. */
export interface MissingIndex {
  readonly tableName: string;
  readonly indexName: string;
}

/** A Query named an index the table does not have (a data directory older than the index, on dynalite). */
export class MissingIndexError extends Error {
  override name = 'MissingIndexError';
}

/**
 * Whether a DynamoDB error says the queried index cannot serve reads: it does not exist (same wording on AWS,
 * DynamoDB Local and dynalite) or it is still backfilling after being added (AWS).
 */
export function isMissingIndexError(error: unknown): boolean {
  return (
    error instanceof Error &&
    error.name === 'ValidationException' &&
    /does not have the specified index|backfilling global secondary index/i.test(error.message)
  );
}

/** How long to wait for an added index to become ACTIVE (a local table backfills in well under a second). */
const INDEX_WAIT_ATTEMPTS = 60;
const INDEX_WAIT_MS = 250;

async function indexStatuses(client: DynamoDBClient, tableName: string): Promise<Map<string, string>> {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  const indexes: GlobalSecondaryIndexDescription[] = Table?.GlobalSecondaryIndexes ?? [];
  return new Map(
    indexes.flatMap((index) => (index.IndexName ? [[index.IndexName, index.IndexStatus ?? '']] : [])),
  );
}

async function waitForIndex(client: DynamoDBClient, tableName: string, indexName: string): Promise<boolean> {
  for (let attempt = 0; attempt < INDEX_WAIT_ATTEMPTS; attempt++) {
    const status = (await indexStatuses(client, tableName)).get(indexName);
    if (status === undefined || status === 'ACTIVE') return status === 'ACTIVE';
    await new Promise((resolve) => setTimeout(resolve, INDEX_WAIT_MS));
  }
  return false;
}

/**
 * Adds each index of `spec` that `tableName` lacks, one UpdateTable per index (DynamoDB creates one index per table
 * at a time), and returns those that are not ACTIVE afterwards: refused (dynalite), or still creating after the
 * wait (DynamoDB Local 10.3 now and then leaves a new index CREATING for good). Start-up goes on without them.
 */
export async function addMissingIndexes(
  client: DynamoDBClient,
  tableName: string,
  spec: TableSpec,
): Promise<MissingIndex[]> {
  const present = await indexStatuses(client, tableName);
  const notReady: MissingIndex[] = [];
  for (const index of spec.indexes.filter((i) => !present.has(i.indexName))) {
    try {
      await client.send(createIndexCommand(tableName, index));
    } catch (error) {
      if (!(error instanceof Error && error.name === 'ValidationException')) throw error;
    }
    if (!(await waitForIndex(client, tableName, index.indexName)))
      notReady.push({ tableName, indexName: index.indexName });
  }
  return notReady;
}

function createIndexCommand(tableName: string, index: IndexSpec): UpdateTableCommand {
  return new UpdateTableCommand({
    TableName: tableName,
    AttributeDefinitions: [
      { AttributeName: index.partitionKey, AttributeType: 'S' },
      { AttributeName: index.sortKey, AttributeType: 'S' },
    ],
    GlobalSecondaryIndexUpdates: [
      {
        Create: {
          IndexName: index.indexName,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      },
    ],
  });
}
