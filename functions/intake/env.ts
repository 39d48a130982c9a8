/** The intake function's environment contract, rendered by the report-intake construct and read by main.ts. */
import type { TableNames } from '../../shared/adapters/dynamodb/tables.ts';
import {
  readTableNames,
  requirePositiveInteger,
  requireVariable,
  tableEnvironment,
} from '../lambda-environment.ts';

/** What the intake function is configured with. */
export interface IntakeEnvironment {
  readonly tables: TableNames;
  readonly rawMailBucket: string;
  /** Key prefix SES writes under; the submission id is the rest of the key (the SES message id). */
  readonly rawMailPrefix: string;
  readonly scoreQueueUrl: string;
  /** PlatformConfig as JSON, validated by parsePlatformConfig at cold start. */
  readonly platformConfigJson: string;
  readonly retentionDays: number;
}

const VARIABLES = {
  rawMailBucket: 'RAW_MAIL_BUCKET',
  rawMailPrefix: 'RAW_MAIL_PREFIX',
  scoreQueueUrl: 'SCORE_QUEUE_URL',
  platformConfigJson: 'PLATFORM_CONFIG',
  retentionDays: 'RETENTION_DAYS',
} as const;

/** Renders the contract as Lambda environment variables. */
export function intakeEnvironment(config: IntakeEnvironment): Record<string, string> {
  return {
    ...tableEnvironment(config.tables),
    [VARIABLES.rawMailBucket]: config.rawMailBucket,
    [VARIABLES.rawMailPrefix]: config.rawMailPrefix,
    [VARIABLES.scoreQueueUrl]: config.scoreQueueUrl,
    [VARIABLES.platformConfigJson]: config.platformConfigJson,
    [VARIABLES.retentionDays]: String(config.retentionDays),
  };
}

/** Reads the contract back; throws LambdaEnvironmentError naming a missing variable. */
export function readIntakeEnvironment(env: NodeJS.ProcessEnv): IntakeEnvironment {
  return {
    tables: readTableNames(env),
    rawMailBucket: requireVariable(env, VARIABLES.rawMailBucket),
    rawMailPrefix: requireVariable(env, VARIABLES.rawMailPrefix),
    scoreQueueUrl: requireVariable(env, VARIABLES.scoreQueueUrl),
    platformConfigJson: requireVariable(env, VARIABLES.platformConfigJson),
    retentionDays: requirePositiveInteger(env, VARIABLES.retentionDays),
  };
}
