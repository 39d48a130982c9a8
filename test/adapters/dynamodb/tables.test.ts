import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTables, TABLE_SPECS } from '../../../shared/adapters/dynamodb/tables.ts';
import { createTestTables, DYNAMO_BACKENDS, type DynamoBackend } from '../../support/dynamodb.ts';

describe.each(DYNAMO_BACKENDS)('ensureTables on $name', ({ start }) => {
  let backend: DynamoBackend;
  beforeAll(async () => {
    backend = await start();
  });
  afterAll(async () => {
    await backend?.stop();
  });

  it('creates the three tables with every index of TABLE_SPECS', async () => {
    const names = await createTestTables(backend.client);
    for (const key of ['tenants', 'reports', 'scores'] as const) {
      const { Table } = await backend.client.send(new DescribeTableCommand({ TableName: names[key] }));
      expect(Table?.TableStatus).toBe('ACTIVE');
      const indexNames = (Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName).sort();
      expect(indexNames).toEqual(TABLE_SPECS[key].indexes.map((i) => i.indexName).sort());
    }
  });

  it('leaves existing tables alone when called again', async () => {
    const names = await createTestTables(backend.client);
    await expect(ensureTables(backend.client, names)).resolves.toBeUndefined();
  });
});

describe('key design', () => {
  it('gives the scores table the overloaded gsi1 and gsi2 indexes engineer S relies on', () => {
    expect(TABLE_SPECS.scores.indexes).toEqual([
      { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
      { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    ]);
    expect(TABLE_SPECS.scores.ttlAttribute).toBe('expiresAt');
  });

  it('serves no access pattern by a Scan anywhere in the DynamoDB adapters', () => {
    const dir = join(import.meta.dirname, '../../../shared/adapters/dynamodb');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      expect(readFileSync(join(dir, file), 'utf8'), file).not.toMatch(/ScanCommand/);
    }
  });
});
