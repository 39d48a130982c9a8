/** The score function's environment contract, rendered by the tenant-scoring construct and read by main.ts. */
import type { TableNames } from '../../shared/adapters/dynamodb/tables.ts';
import { readTableNames, requireVariable, tableEnvironment } from '../lambda-environment.ts';

/** What the score function is configured with. */
export interface ScoreEnvironment {
  readonly tables: TableNames;
  /** Sender of tenant notifications, in the SES-verified domain. */
  readonly notificationsFrom: string;
}

const VARIABLES = { notificationsFrom: 'NOTIFICATIONS_FROM' } as const;

/** Renders the contract as Lambda environment variables. */
export function scoreEnvironment(config: ScoreEnvironment): Record<string, string> {
  return { ...tableEnvironment(config.tables), [VARIABLES.notificationsFrom]: config.notificationsFrom };
}

/** Reads the contract back; throws LambdaEnvironmentError naming a missing variable. */
export function readScoreEnvironment(env: NodeJS.ProcessEnv): ScoreEnvironment {
  return {
    tables: readTableNames(env),
    notificationsFrom: requireVariable(env, VARIABLES.notificationsFrom),
  };
}
