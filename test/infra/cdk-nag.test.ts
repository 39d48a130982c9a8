import { App, Stack } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import { readAppConfig } from '../../infra/app-config.ts';
import { createAbuseIntake } from '../../infra/create-abuse-intake.ts';
import { synthApp } from './synth-app.ts';

describe('cdk-nag AwsSolutionsChecks', () => {
  it('finds nothing unacknowledged in the default deployment', () => {
    expect(() => synthApp()).not.toThrow();
  });

  it('finds nothing unacknowledged with rule set activation and an alarm address', () => {
    expect(() => synthApp({ activateRuleSet: true, alarmEmail: 'ops@example.org' })).not.toThrow();
  });

  it('finds nothing unacknowledged with JWT authorization, enforcement route included', () => {
    const apiAuth = {
      type: 'jwt',
      issuer: 'https://idp.example.org/oauth2/default',
      audience: ['api://abuse-intake'],
      manageValues: ['abuse-leads'],
      readValues: ['abuse-analysts'],
      enforcementAuth: 'jwt',
    };
    expect(() => synthApp({ apiAuth })).not.toThrow();
  });

  it('fails synthesis on an unacknowledged finding, so the checks above are live', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    createAbuseIntake(
      app,
      readAppConfig(() => undefined),
    );
    const extra = new Stack(app, 'Careless');
    new Bucket(extra, 'OpenBucket');
    new Queue(extra, 'QueueWithoutDeadLetters');
    expect(() => app.synth()).toThrow(/AwsSolutions-S1/);
  });
});
