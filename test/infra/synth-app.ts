/** Synthesizes the whole CDK app once for a test file, without bundling the functions (bundles are tested apart). */
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { type ContextKey, readAppConfig } from '../../infra/app-config.ts';
import { type AbuseIntakeStacks, createAbuseIntake } from '../../infra/create-abuse-intake.ts';

/** The synthesized templates of one deployment. */
export interface SynthesizedApp {
  readonly app: App;
  readonly stacks: AbuseIntakeStacks;
  readonly data: Template;
  readonly pipeline: Template;
}

/**
 * Builds the app with `context` and synthesizes it; cdk-nag runs as part of synth and throws on any
 * unacknowledged finding. `aws:cdk:bundling-stacks: []` skips esbuild, which the bundle tests cover.
 */
export function synthApp(context: Partial<Record<ContextKey, unknown>> = {}): SynthesizedApp {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } });
  const stacks = createAbuseIntake(
    app,
    readAppConfig((key) => app.node.tryGetContext(key)),
  );
  const assembly = app.synth();
  return {
    app,
    stacks,
    data: Template.fromJSON(assembly.getStackByName(stacks.data.stackName).template),
    pipeline: Template.fromJSON(assembly.getStackByName(stacks.pipeline.stackName).template),
  };
}
