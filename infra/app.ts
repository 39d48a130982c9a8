/** The CDK app (`cdk.json` runs it with tsx): reads the context, builds the stacks. */
import { App } from 'aws-cdk-lib';
import { readAppConfig } from './app-config.ts';
import { createAbuseIntake } from './create-abuse-intake.ts';

const app = new App();
createAbuseIntake(
  app,
  readAppConfig((key) => app.node.tryGetContext(key)),
);
app.synth();
