/** The API function's environment contract, rendered by the analyst-api construct and read by main.ts. */
import type { TableNames } from '../../shared/adapters/dynamodb/tables.ts';
import type { QueuePair } from '../../shared/adapters/sqs/sqs-dead-letters.ts';
import {
  LambdaEnvironmentError,
  readTableNames,
  requireVariable,
  tableEnvironment,
} from '../lambda-environment.ts';

/** What the API function is configured with. */
export interface ApiEnvironment {
  readonly tables: TableNames;
  readonly rawMailBucket: string;
  readonly rawMailPrefix: string;
  /** IAM role names whose sessions may lift restrictions and change policy (role `manage`). */
  readonly manageRoles: readonly string[];
  /** Sender of tenant notifications (lifting a restriction can notify the tenant). */
  readonly notificationsFrom: string;
  /** The pipeline's queues and dead-letter queues, for /health and dead-letter replay. */
  readonly queues: readonly QueuePair[];
}

const VARIABLES = {
  rawMailBucket: 'RAW_MAIL_BUCKET',
  rawMailPrefix: 'RAW_MAIL_PREFIX',
  manageRoles: 'API_MANAGE_ROLES',
  notificationsFrom: 'NOTIFICATIONS_FROM',
  queues: 'PIPELINE_QUEUES',
} as const;

/**
 * Renders the contract as Lambda environment variables. `queuesJson` renders `queues` (the CDK passes
 * Stack.toJsonString so queue URLs, still tokens at synth time, become JSON at deploy time).
 */
export function apiEnvironment(
  config: ApiEnvironment,
  queuesJson: (queues: readonly QueuePair[]) => string = JSON.stringify,
): Record<string, string> {
  return {
    ...tableEnvironment(config.tables),
    [VARIABLES.rawMailBucket]: config.rawMailBucket,
    [VARIABLES.rawMailPrefix]: config.rawMailPrefix,
    [VARIABLES.manageRoles]: config.manageRoles.join(','),
    [VARIABLES.notificationsFrom]: config.notificationsFrom,
    [VARIABLES.queues]: queuesJson(config.queues),
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
    queues: readQueues(requireVariable(env, VARIABLES.queues)),
  };
}

function readQueues(json: string): QueuePair[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    value = undefined;
  }
  const fields = ['name', 'queueUrl', 'deadLetterQueueUrl', 'deadLetterQueueArn'] as const;
  if (
    !Array.isArray(value) ||
    !value.every((item) =>
      fields.every((field) => typeof (item as Record<string, unknown>)?.[field] === 'string'),
    )
  ) {
    throw new LambdaEnvironmentError(
      `environment variable ${VARIABLES.queues} must be a JSON array of queue pairs`,
    );
  }
  return value as QueuePair[];
}
