/**
 * Reading a Lambda's environment contract: each function's env.ts declares its variables with these, the CDK
 * construct renders them and main.ts reads them, so a renamed variable fails to compile instead of at runtime.
 */
import type { TableNames } from '../shared/adapters/dynamodb/tables.ts';

/** A variable the deployment must set is missing or malformed; names the variable. */
export class LambdaEnvironmentError extends Error {
  override name = 'LambdaEnvironmentError';
}

/** Variables naming the three tables, shared by every function that reaches DynamoDB. */
export const TABLE_VARIABLES = {
  tenants: 'TENANTS_TABLE',
  reports: 'REPORTS_TABLE',
  scores: 'SCORES_TABLE',
} as const satisfies Record<keyof TableNames, string>;

/** The value of `name`, or a LambdaEnvironmentError saying it is missing. */
export function requireVariable(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (value === undefined || value === '') {
    throw new LambdaEnvironmentError(`environment variable ${name} is not set (the CDK construct sets it)`);
  }
  return value;
}

/** A positive whole number from `name`. */
export function requirePositiveInteger(env: NodeJS.ProcessEnv, name: string): number {
  const value = Number(requireVariable(env, name));
  if (!Number.isInteger(value) || value <= 0) {
    throw new LambdaEnvironmentError(`environment variable ${name} must be a positive whole number`);
  }
  return value;
}

/** The table variables for a construct's `environment`. */
export function tableEnvironment(names: TableNames): Record<string, string> {
  return {
    [TABLE_VARIABLES.tenants]: names.tenants,
    [TABLE_VARIABLES.reports]: names.reports,
    [TABLE_VARIABLES.scores]: names.scores,
  };
}

/** The table names main.ts hands to the adapters. */
export function readTableNames(env: NodeJS.ProcessEnv): TableNames {
  return {
    tenants: requireVariable(env, TABLE_VARIABLES.tenants),
    reports: requireVariable(env, TABLE_VARIABLES.reports),
    scores: requireVariable(env, TABLE_VARIABLES.scores),
  };
}
