/**
 * The scoring dependencies on AWS, shared by the score and API functions: S's DynamoDB stores on the scores
 * table, the DynamoDB tenant directory and record store, and SES for tenant notices. Clients are passed in;
 * each main.ts creates them.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SESClient } from '@aws-sdk/client-ses';
import { createDynamoRecordStore } from '../shared/adapters/dynamodb/record-store.ts';
import { createDynamoScoringStores } from '../shared/adapters/dynamodb/score-stores.ts';
import type { TableNames } from '../shared/adapters/dynamodb/tables.ts';
import {
  createDynamoTenantDirectory,
  type TenantDirectoryStore,
} from '../shared/adapters/dynamodb/tenant-directory-store.ts';
import { createSesNotifier } from '../shared/adapters/ses/ses-notifier.ts';
import { DEFAULT_POLICY } from '../shared/core/score/policy.ts';
import type { ScoringDeps } from '../shared/core/score/scoring-deps.ts';

/** ScoringDeps plus the tenant directory with its write side (the API saves policy overrides). */
export interface AwsScoringDeps {
  readonly scoring: ScoringDeps;
  readonly directory: TenantDirectoryStore;
}

/** Binds scoring to the deployed tables and SES. */
export function createAwsScoringDeps(options: {
  readonly dynamodb: DynamoDBClient;
  readonly ses: SESClient;
  readonly tables: TableNames;
  readonly notificationsFrom: string;
}): AwsScoringDeps {
  const { dynamodb: client, tables } = options;
  const directory = createDynamoTenantDirectory({ client, tableName: tables.tenants });
  return {
    directory,
    scoring: {
      ...createDynamoScoringStores({ client, tableName: tables.scores }),
      directory,
      records: createDynamoRecordStore({ client, tableName: tables.reports }),
      notifier: createSesNotifier({ client: options.ses, from: options.notificationsFrom }),
      policy: DEFAULT_POLICY,
    },
  };
}
