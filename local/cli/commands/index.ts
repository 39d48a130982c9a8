import type { Command } from 'commander';
import { registerAttributeCommand } from './attribute.ts';
import { registerAwsReprocess } from './aws-reprocess.ts';
import { registerAwsTenantsCommand } from './aws-tenants.ts';
import { registerCheckCommand } from './check.ts';
import { registerDlq } from './dlq.ts';
import { registerIngest } from './ingest.ts';
import { registerLiftCommand } from './lift.ts';
import { registerParseCommand } from './parse.ts';
import { registerPolicyCommand } from './policy.ts';
import { registerPurge } from './purge.ts';
import { registerReports } from './reports.ts';
import { registerReprocess } from './reprocess.ts';
import { registerRestrictionsCommand } from './restrictions.ts';
import { registerScoreCommand } from './score.ts';
import { registerServe } from './serve.ts';
import { registerSubmissions } from './submissions.ts';
import { registerTenantsCommand } from './tenants.ts';

/** Registers one command (or group) on the program. */
export type RegisterCommand = (program: Command) => void;

/** Every command of the CLI; add one import and one entry per command file. */
export const COMMANDS: readonly RegisterCommand[] = [
  registerTenantsCommand,
  registerAttributeCommand,
  registerParseCommand,
  registerServe,
  registerIngest,
  registerReports,
  registerSubmissions,
  registerDlq,
  registerReprocess,
  registerPurge,
  registerScoreCommand,
  registerCheckCommand,
  registerRestrictionsCommand,
  registerLiftCommand,
  registerPolicyCommand,
  registerAwsTenantsCommand,
  registerAwsReprocess,
];
