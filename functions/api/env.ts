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
  /** Which API Gateway authorizer proves callers, and how their identity maps to the API's roles. */
  readonly auth: ApiAuthEnvironment;
  /** Sender of tenant notifications (lifting a restriction can notify the tenant). */
  readonly notificationsFrom: string;
  /** The pipeline's queues and dead-letter queues, for /health and dead-letter replay. */
  readonly queues: readonly QueuePair[];
}

/**
 * `iam`: SigV4 callers, `manageRoles` are IAM role names whose sessions get `manage`, every other role `read`.
 * `jwt`: callers with a token API Gateway verified; the actor is the `actorClaim` value and the `roleClaim` values
 * grant `manage` (`manageValues`) or `read` (`readValues`); a token with neither gets 403.
 */
export type ApiAuthEnvironment =
  | { readonly kind: 'iam'; readonly manageRoles: readonly string[] }
  | {
      readonly kind: 'jwt';
      readonly actorClaim: string;
      readonly roleClaim: string;
      readonly manageValues: readonly string[];
      readonly readValues: readonly string[];
    };

const VARIABLES = {
  rawMailBucket: 'RAW_MAIL_BUCKET',
  rawMailPrefix: 'RAW_MAIL_PREFIX',
  auth: 'API_AUTH',
  manageRoles: 'API_MANAGE_ROLES',
  jwtActorClaim: 'API_JWT_ACTOR_CLAIM',
  jwtRoleClaim: 'API_JWT_ROLE_CLAIM',
  jwtManageValues: 'API_JWT_MANAGE_VALUES',
  jwtReadValues: 'API_JWT_READ_VALUES',
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
    ...authEnvironment(config.auth),
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
    auth: readAuth(env),
    notificationsFrom: requireVariable(env, VARIABLES.notificationsFrom),
    queues: readQueues(requireVariable(env, VARIABLES.queues)),
  };
}

/** Lists are comma-joined: role names and claim values are validated at synth to hold no comma. */
function authEnvironment(auth: ApiAuthEnvironment): Record<string, string> {
  if (auth.kind === 'iam') {
    return { [VARIABLES.auth]: 'iam', [VARIABLES.manageRoles]: auth.manageRoles.join(',') };
  }
  return {
    [VARIABLES.auth]: 'jwt',
    [VARIABLES.jwtActorClaim]: auth.actorClaim,
    [VARIABLES.jwtRoleClaim]: auth.roleClaim,
    [VARIABLES.jwtManageValues]: auth.manageValues.join(','),
    [VARIABLES.jwtReadValues]: auth.readValues.join(','),
  };
}

function readAuth(env: NodeJS.ProcessEnv): ApiAuthEnvironment {
  // Unset means iam: functions deployed before API_AUTH existed keep their behaviour.
  const kind = env[VARIABLES.auth] ?? 'iam';
  if (kind === 'iam') return { kind, manageRoles: readList(env, VARIABLES.manageRoles) };
  if (kind !== 'jwt') {
    throw new LambdaEnvironmentError(`environment variable ${VARIABLES.auth} must be iam or jwt`);
  }
  const readValues = readList(env, VARIABLES.jwtReadValues);
  if (readValues.length === 0) {
    // Empty would let every user of the issuer read; the construct never renders it.
    throw new LambdaEnvironmentError(`environment variable ${VARIABLES.jwtReadValues} must name a value`);
  }
  return {
    kind,
    actorClaim: requireVariable(env, VARIABLES.jwtActorClaim),
    roleClaim: requireVariable(env, VARIABLES.jwtRoleClaim),
    manageValues: readList(env, VARIABLES.jwtManageValues),
    readValues,
  };
}

function readList(env: NodeJS.ProcessEnv, name: string): string[] {
  return (env[name] ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
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
