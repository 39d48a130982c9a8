/** The API function's environment contract, rendered by the analyst-api construct and read by main.ts. */
import type { TableNames } from '../../shared/adapters/dynamodb/tables.ts';
import { readTableNames, requireVariable, tableEnvironment } from '../lambda-environment.ts';

/** What the API function is configured with. */
export interface ApiEnvironment {
  readonly tables: TableNames;
  readonly rawMailBucket: string;
  readonly rawMailPrefix: string;
  /** IAM role names whose sessions may lift restrictions and change policy (role `manage`). */
  readonly manageRoles: readonly string[];
  /** Sender of tenant notifications (lifting a restriction can notify the tenant). */
  readonly notificationsFrom: string;
}

const VARIABLES = {
  rawMailBucket: 'RAW_MAIL_BUCKET',
  rawMailPrefix: 'RAW_MAIL_PREFIX',
  manageRoles: 'API_MANAGE_ROLES',
  notificationsFrom: 'NOTIFICATIONS_FROM',
} as const;

/** Renders the contract as Lambda environment variables. */
export function apiEnvironment(config: ApiEnvironment): Record<string, string> {
  return {
    ...tableEnvironment(config.tables),
    [VARIABLES.rawMailBucket]: config.rawMailBucket,
    [VARIABLES.rawMailPrefix]: config.rawMailPrefix,
    [VARIABLES.manageRoles]: config.manageRoles.join(','),
    [VARIABLES.notificationsFrom]: config.notificationsFrom,
  };
}

/** Reads the contract back; throws LambdaEnvironmentError naming a missing variable. */
export function readApiEnvironment(env: NodeJS.ProcessEnv): ApiEnvironment {
  return {
    tables: readTableNames(env),
    rawMailBucket: requireVariable(env, VARIABLES.rawMailBucket),
    rawMailPrefix: requireVariable(env, VARIABLES.rawMailPrefix),
    manageRoles: (env[VARIABLES.manageRoles] ?? '')
      .split(',')
      .map((role) => role.trim())
      .filter((role) => role !== ''),
    notificationsFrom: requireVariable(env, VARIABLES.notificationsFrom),
  };
}
