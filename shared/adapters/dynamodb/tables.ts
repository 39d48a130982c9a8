/**
 * THE key design: one module used by the DynamoDB adapters, the CDK stacks (infra) and the tests.
 *
 * Every access pattern of DESIGN §5 is a GetItem, BatchGetItem or Query on a key or an index; none is a Scan.
 *
 * | table   | item                      | pk                         | sk                       | index (pk / sk)                     |
 * |---------|---------------------------|----------------------------|--------------------------|-------------------------------------|
 * | tenants | tenant profile            | TENANT#<tenantId>          | PROFILE                  | byList: listPk=TENANTS / listSk=id  |
 * | tenants | accepted-domain claim     | DOMAIN#<domain>            | DOMAIN                   | –                                   |
 * | tenants | dedicated IP/range claim  | IP#v4#<a.b> / IP#v6#<h:h>  | <cidr>#<tenantId>        | –                                   |
 * | reports | submission                | SUB#<submissionId>         | SUBMISSION               | byStatus: statusKey / receivedSk    |
 * | reports | report                    | REPORT#<reportId>          | REPORT                   | byTenant, bySourceIp, bySenderDomain, bySenderAddress, byReporter, byFingerprint, byMessageId, byDay (… / receivedSk) |
 * | scores  | owned by engineer S       | pk                         | sk                       | gsi1 (gsi1pk/gsi1sk), gsi2 (gsi2pk/gsi2sk) |
 *
 * | access pattern (DESIGN §5)            | served by                                                        |
 * |---------------------------------------|------------------------------------------------------------------|
 * | tenant by id                          | GetItem TENANT#<id> / PROFILE                                    |
 * | list tenants                          | Query byList listPk = TENANTS                                    |
 * | tenant by accepted domain (+ parents) | BatchGetItem DOMAIN#<d> for d and each parent suffix             |
 * | tenant by dedicated IP                | Query IP#v4#<first two octets> or IP#v6#<first two hextets>, then containment check |
 * | submission by id / report by id       | GetItem                                                          |
 * | submissions by status, newest first   | Query byStatus statusKey = <status>#<shard 0..3>, merged         |
 * | reports of a tenant by time           | Query byTenant tenantKey = <tenantId>, receivedSk descending     |
 * | reports by source IP / sender domain / sender address / reporter / fingerprint | Query by… = <value>   |
 * | reports by Message-ID                 | Query byMessageId messageIdKey = <normalised id> (record-items.ts messageIdKey) |
 * | reports by received day               | Query byDay dayKey = <yyyy-mm-dd>#<shard 0..3>, merged           |
 * | restricted tenants, top tenants, audit trail | scores table, gsi1/gsi2 (engineer S)                      |
 * | expired records (local purge only)    | Query byDay per day and byStatus, receivedSk < cutoff (expired-records.ts) |
 * | expired score buckets (local purge)   | Query BUCKET#<tenant>#<shard>, sk < W#<cutoff>, tenants from byList + gsi1 (expired-buckets.ts) |
 *
 * `receivedSk` is `<receivedAt ISO 8601>#<id>`: time-ordered, unique, so from/to bounds are a key condition.
 * byDay and byStatus take every write of the system, so they are sharded (record-items.ts WRITE_SHARDS).
 * Reports, submissions and score buckets expire through the TTL attribute `expiresAt` (epoch seconds); the local
 * runtime, whose emulator has no TTL sweeper, finds them through byDay/byStatus and the bucket keys (retention-purge.ts).
 */
import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { addMissingIndexes, type MissingIndex } from './add-missing-indexes.ts';

/** A global secondary index; all key attributes are strings and every index projects ALL attributes. */
export interface IndexSpec {
  readonly indexName: string;
  readonly partitionKey: string;
  readonly sortKey: string;
}

/** A table's keys, indexes and TTL attribute. */
export interface TableSpec {
  readonly partitionKey: 'pk';
  readonly sortKey: 'sk';
  readonly indexes: readonly IndexSpec[];
  readonly ttlAttribute: 'expiresAt' | undefined;
}

/** Sort key shared by every time-ordered index of the reports table. */
export const RECEIVED_SORT_KEY = 'receivedSk';

/** Names of the report indexes, by the ReportIndex `by` they serve (ports.ts). */
export const REPORT_INDEXES = {
  tenant: { indexName: 'byTenant', partitionKey: 'tenantKey', sortKey: RECEIVED_SORT_KEY },
  'source-ip': { indexName: 'bySourceIp', partitionKey: 'sourceIpKey', sortKey: RECEIVED_SORT_KEY },
  'sender-domain': {
    indexName: 'bySenderDomain',
    partitionKey: 'senderDomainKey',
    sortKey: RECEIVED_SORT_KEY,
  },
  'sender-address': {
    indexName: 'bySenderAddress',
    partitionKey: 'senderAddressKey',
    sortKey: RECEIVED_SORT_KEY,
  },
  reporter: { indexName: 'byReporter', partitionKey: 'reporterKey', sortKey: RECEIVED_SORT_KEY },
  fingerprint: { indexName: 'byFingerprint', partitionKey: 'fingerprintKey', sortKey: RECEIVED_SORT_KEY },
  /** Added after the first release: tables created before it lack it until ensureTables adds it (see there). */
  'message-id': { indexName: 'byMessageId', partitionKey: 'messageIdKey', sortKey: RECEIVED_SORT_KEY },
  received: { indexName: 'byDay', partitionKey: 'dayKey', sortKey: RECEIVED_SORT_KEY },
} as const satisfies Record<string, IndexSpec>;

/** Submissions by status, newest first. */
export const SUBMISSION_STATUS_INDEX = {
  indexName: 'byStatus',
  partitionKey: 'statusKey',
  sortKey: RECEIVED_SORT_KEY,
} as const satisfies IndexSpec;

/** All tenants, ordered by id (a Query, not a Scan). */
export const TENANT_LIST_INDEX = {
  indexName: 'byList',
  partitionKey: 'listPk',
  sortKey: 'listSk',
} as const satisfies IndexSpec;

/** The three tables of the system. */
export const TABLE_SPECS: {
  readonly tenants: TableSpec;
  readonly reports: TableSpec;
  readonly scores: TableSpec;
} = {
  tenants: { partitionKey: 'pk', sortKey: 'sk', indexes: [TENANT_LIST_INDEX], ttlAttribute: undefined },
  reports: {
    partitionKey: 'pk',
    sortKey: 'sk',
    indexes: [...Object.values(REPORT_INDEXES), SUBMISSION_STATUS_INDEX],
    ttlAttribute: 'expiresAt',
  },
  scores: {
    partitionKey: 'pk',
    sortKey: 'sk',
    indexes: [
      { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
      { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    ],
    ttlAttribute: 'expiresAt',
  },
};

/** Physical table names (generated per stage on AWS, per data dir or test locally). */
export interface TableNames {
  readonly tenants: string;
  readonly reports: string;
  readonly scores: string;
}

/** How long ensureTables waits for a table to become ACTIVE (local emulators answer at once). */
const ACTIVE_WAIT_ATTEMPTS = 120;
const ACTIVE_WAIT_MS = 250;

/**
 * Creates any missing table (on-demand billing), adds indexes an existing table lacks, and waits until all are
 * ACTIVE; for local runtimes and tests. Returns the indexes that could not be added (dynalite cannot add an index
 * to an existing table), after telling `warn` (default: stderr) what that means and what to do.
 */
export async function ensureTables(
  client: DynamoDBClient,
  names: TableNames,
  options: { readonly warn?: (message: string) => void } = {},
): Promise<MissingIndex[]> {
  const missing: MissingIndex[] = [];
  for (const key of ['tenants', 'reports', 'scores'] as const) {
    missing.push(...(await ensureTable(client, names[key], TABLE_SPECS[key])));
  }
  const warn = options.warn ?? ((message: string) => process.stderr.write(`${message}\n`));
  for (const { tableName, indexName } of missing) warn(missingIndexAdvice(tableName, indexName));
  return missing;
}

/** What an index missing from an old local table means and how to get it (README "Upgrading a data directory"). */
export function missingIndexAdvice(tableName: string, indexName: string): string {
  return (
    `warning: table ${tableName} was created before index ${indexName} existed, and the index could not be added ` +
    '(dynalite cannot add an index to an existing table). Searches that would use it walk the received days instead (slower, last 30 days by ' +
    'default). To get it, see README "Upgrading a data directory": move the data directory\'s dynamodb/ folder ' +
    'aside, start again, re-import tenants and run `abuse-intake reprocess`.'
  );
}

/** Creates a table from its spec, or brings an existing one's indexes up to the spec; returns indexes still missing. */
export async function ensureTable(
  client: DynamoDBClient,
  tableName: string,
  spec: TableSpec,
): Promise<MissingIndex[]> {
  const attributes = new Set<string>([spec.partitionKey, spec.sortKey]);
  for (const index of spec.indexes) {
    attributes.add(index.partitionKey);
    attributes.add(index.sortKey);
  }
  let created = false;
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [...attributes].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
        KeySchema: [
          { AttributeName: spec.partitionKey, KeyType: 'HASH' },
          { AttributeName: spec.sortKey, KeyType: 'RANGE' },
        ],
        ...(spec.indexes.length > 0
          ? {
              GlobalSecondaryIndexes: spec.indexes.map((index) => ({
                IndexName: index.indexName,
                KeySchema: [
                  { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
                  { AttributeName: index.sortKey, KeyType: 'RANGE' as const },
                ],
                Projection: { ProjectionType: 'ALL' as const },
              })),
            }
          : {}),
      }),
    );
    created = true;
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  await waitUntilActive(client, tableName);
  if (created && spec.ttlAttribute !== undefined) await enableTtl(client, tableName, spec.ttlAttribute);
  return created ? [] : addMissingIndexes(client, tableName, spec);
}

async function waitUntilActive(client: DynamoDBClient, tableName: string): Promise<void> {
  for (let attempt = 0; attempt < ACTIVE_WAIT_ATTEMPTS; attempt++) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const indexesActive = (Table?.GlobalSecondaryIndexes ?? []).every((i) => i.IndexStatus === 'ACTIVE');
    if (Table?.TableStatus === 'ACTIVE' && indexesActive) return;
    await new Promise((resolve) => setTimeout(resolve, ACTIVE_WAIT_MS));
  }
  throw new Error(`DynamoDB table ${tableName} did not become ACTIVE`);
}

/** dynalite has no UpdateTimeToLive; expiry there is the local runtime's purge job, so its refusal is ignored. */
async function enableTtl(client: DynamoDBClient, tableName: string, attribute: string): Promise<void> {
  try {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: attribute, Enabled: true },
      }),
    );
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name !== 'UnknownOperationException' && name !== 'ValidationException') throw error;
  }
}
