import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureTables, type TableNames } from '../../shared/adapters/dynamodb/tables.ts';
import { type LocalConfig, loadLocalConfig } from '../config/local-config.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { createLocalDynamoClient, startLocalDynamo } from './local-dynamo.ts';
import { readServerInfo } from './server-info.ts';

/** Fixed table names of the local runtime (AWS gets generated names from the CDK). */
export const LOCAL_TABLE_NAMES: TableNames = {
  tenants: 'abuse-intake-tenants',
  reports: 'abuse-intake-reports',
  scores: 'abuse-intake-scores',
};

/** The data of one data directory, reachable through the real DynamoDB API. */
export interface LocalStores {
  readonly client: DynamoDBClient;
  readonly tables: TableNames;
  readonly config: LocalConfig;
  /** The DynamoDB endpoint in use. */
  readonly endpoint: string;
  /** Whether a running server answers for this data directory (else this process opened it). */
  readonly viaServer: boolean;
  close(): Promise<void>;
}

/**
 * How every CLI command reaches the data: through the running server's DynamoDB endpoint when `abuse-intake serve`
 * holds the data directory (it publishes `<dataDir>/server.json`), else by opening dynalite on `<dataDir>/dynamodb`
 * in this process under the data directory's lock. Tables are created when missing.
 */
export async function openLocalStores(options: {
  readonly dataDir?: string;
  readonly configFile?: string;
  readonly env?: NodeJS.ProcessEnv;
}): Promise<LocalStores> {
  const config = loadLocalConfig({
    ...(options.configFile === undefined ? {} : { file: options.configFile }),
    env: options.env ?? process.env,
    ...(options.dataDir === undefined ? {} : { overrides: { dataDir: options.dataDir } }),
  });
  const server = readServerInfo(config.dataDir);
  if (server !== undefined && server.pid !== process.pid) {
    const client = createLocalDynamoClient(server.dynamoEndpoint);
    await ensureTables(client, LOCAL_TABLE_NAMES);
    return {
      client,
      tables: LOCAL_TABLE_NAMES,
      config,
      endpoint: server.dynamoEndpoint,
      viaServer: true,
      close: async () => client.destroy(),
    };
  }
  return openDataDir(config, `abuse-intake ${process.argv[2] ?? 'cli'}`);
}

/**
 * Opens the data directory in this process: takes its lock, starts dynalite on `<dataDir>/dynamodb` and creates
 * missing tables. The server calls this directly; everything else goes through openLocalStores.
 */
export async function openDataDir(config: LocalConfig, purpose: string): Promise<LocalStores> {
  const lock = lockDataDir(config.dataDir, purpose);
  let dynamo: Awaited<ReturnType<typeof startLocalDynamo>> | undefined;
  try {
    dynamo = await startLocalDynamo(config.dataDir);
    const client = createLocalDynamoClient(dynamo.endpoint);
    await ensureTables(client, LOCAL_TABLE_NAMES);
    const opened = dynamo;
    return {
      client,
      tables: LOCAL_TABLE_NAMES,
      config,
      endpoint: opened.endpoint,
      viaServer: false,
      close: async () => {
        client.destroy();
        await opened.stop();
        lock.release();
      },
    };
  } catch (error) {
    await dynamo?.stop().catch(() => undefined);
    lock.release();
    throw error;
  }
}
