/**
 * `abuse-intake aws-tenants import FILE | list --table NAME`: the tenant directory of a deployed stack. Same
 * validation as `tenants import` (a bad file changes nothing), but against the data stack's DynamoDB table with
 * the default AWS credential chain (AWS_PROFILE, SSO, environment) instead of the local data directory.
 */
import { readFileSync } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type Command, Option } from 'commander';
import {
  createDynamoTenantDirectory,
  type TenantDirectoryStore,
} from '../../../shared/adapters/dynamodb/tenant-directory-store.ts';
import { formatTenantList, importTenants } from './tenants.ts';

/** Where the deployed tenants table is. */
export interface AwsTableOptions {
  /** The data stack's TenantsTable output. */
  readonly table: string;
  /** Defaults to AWS_REGION / the profile's region. */
  readonly region?: string;
  /** Another DynamoDB endpoint (DynamoDB Local, tests). */
  readonly endpoint?: string;
}

/** Runs `work` on the deployed tenant directory and closes the client. */
export async function withAwsTenantDirectory<T>(
  options: AwsTableOptions,
  work: (directory: TenantDirectoryStore) => Promise<T>,
): Promise<T> {
  const client = new DynamoDBClient({
    ...(options.region === undefined ? {} : { region: options.region }),
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
  });
  try {
    return await work(createDynamoTenantDirectory({ client, tableName: options.table }));
  } finally {
    client.destroy();
  }
}

function withTableOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--table <name>', 'tenants table: the data stack output TenantsTable')
        .env('ABUSE_INTAKE_AWS_TENANTS_TABLE')
        .makeOptionMandatory(),
    )
    .option('--region <region>', 'AWS region of the deployment (default: AWS_REGION or the profile)')
    .option('--endpoint <url>', 'DynamoDB endpoint, for DynamoDB Local');
}

/** Registers `aws-tenants` and its subcommands. */
export function registerAwsTenantsCommand(program: Command): void {
  const awsTenants = program
    .command('aws-tenants')
    .description('Manage the tenant directory of a deployed AWS stack (see README, Deploying to AWS)');

  withTableOptions(
    awsTenants.command('import').argument('<file>', 'JSON or YAML: a list or { tenants: [...] }'),
  )
    .description('Validate and import tenants into the deployed tenants table')
    .action(async (file: string, options: AwsTableOptions) => {
      const text = readFileSync(file, 'utf8');
      const result = await withAwsTenantDirectory(options, (directory) =>
        importTenants(directory, text, new Date().toISOString()),
      );
      process.stdout.write(
        `imported ${result.created.length + result.updated.length} tenants into ${options.table} ` +
          `(${result.created.length} created, ${result.updated.length} updated)\n`,
      );
    });

  withTableOptions(awsTenants.command('list'))
    .description('List the tenants of the deployed tenants table')
    .action(async (options: AwsTableOptions) => {
      process.stdout.write(
        formatTenantList(await withAwsTenantDirectory(options, (directory) => directory.listTenants())),
      );
    });
}
