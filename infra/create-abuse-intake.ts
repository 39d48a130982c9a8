import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { AppConfig } from './app-config.ts';
import { DataStack } from './stacks/data-stack.ts';
import { PipelineStack } from './stacks/pipeline-stack.ts';

/** The two stacks of one deployment. */
export interface AbuseIntakeStacks {
  readonly data: DataStack;
  readonly pipeline: PipelineStack;
}

/**
 * Adds the data and pipeline stacks of `config.stage` to `app` and registers cdk-nag's AWS Solutions checks, so
 * every synth (CLI or test) fails on an unacknowledged finding. Account and region come from the CLI's
 * environment when set (CDK_DEFAULT_*), else the stacks are environment-agnostic and synth offline.
 */
export function createAbuseIntake(app: App, config: AppConfig): AbuseIntakeStacks {
  const env = {
    account: process.env['CDK_DEFAULT_ACCOUNT'],
    region: process.env['CDK_DEFAULT_REGION'],
  };
  const prefix = `AbuseIntake-${config.stage}`;
  const data = new DataStack(app, `${prefix}-Data`, {
    env,
    retentionDays: config.retentionDays,
    domain: config.domain,
    description: 'abuse-intake: tables, raw-mail bucket, SES identity (retained)',
  });
  const pipeline = new PipelineStack(app, `${prefix}-Pipeline`, {
    env,
    config,
    tables: data.tables,
    tableNames: data.tables.names,
    rawMailBucketExportName: data.rawMailBucketExportName,
    sesIdentityArn: data.identity.emailIdentityArn,
    description: 'abuse-intake: SES receiving, queues, functions, API, alarms',
  });
  pipeline.addStackDependency(data);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { data, pipeline };
}
