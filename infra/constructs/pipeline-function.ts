import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { AlarmTopic } from './alarm-topic.ts';
import {
  BUNDLE_ALIASES,
  BUNDLE_AWS_SDK,
  ESBUILD_OPTIONS,
  FUNCTION_ENTRIES,
  type FunctionName,
} from './function-bundling.ts';

/** Props of {@link PipelineFunction}. */
export interface PipelineFunctionProps {
  /** Which folder of functions/ this is. */
  readonly name: FunctionName;
  /** Shown in the Lambda console. */
  readonly description: string;
  /** The function's typed environment contract, rendered by its env.ts. */
  readonly environment: Readonly<Record<string, string>>;
  /** Longest invocation; SQS visibility timeouts are six times this. */
  readonly timeout: Duration;
  /** MiB; CPU share grows with it. */
  readonly memorySize: number;
  /** Where this construct's alarms notify. */
  readonly alarms: AlarmTopic;
}

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Logs hold ids and outcomes only; a month covers an incident investigation. */
const LOG_RETENTION = RetentionDays.ONE_MONTH;

/**
 * One Lambda of the pipeline: bundled locally by esbuild (no Docker), arm64, Node.js 22, source maps on, its own
 * log group and a role that may write only there, and alarms on errors and throttles. Callers add the rest of
 * its permissions with `grant*`.
 */
export class PipelineFunction extends Construct {
  public readonly function: NodejsFunction;

  constructor(scope: Construct, id: string, props: PipelineFunctionProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', {
      retention: LOG_RETENTION,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // An explicit role instead of AWSLambdaBasicExecutionRole, whose log permissions cover every log group.
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `abuse-intake ${props.name} function`,
    });
    role.addToPolicy(
      new PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn],
      }),
    );
    this.function = new NodejsFunction(this, 'Function', {
      entry: join(REPO_ROOT, FUNCTION_ENTRIES[props.name]),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
      description: props.description,
      // Node.js 22 is a supported, non-deprecated Lambda runtime; the code targets Node 20 and newer.
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      role,
      logGroup,
      environment: { ...props.environment, NODE_OPTIONS: '--enable-source-maps' },
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        target: ESBUILD_OPTIONS.target,
        minify: ESBUILD_OPTIONS.minify,
        sourceMap: ESBUILD_OPTIONS.sourcemap,
        sourceMapMode: SourceMapMode.DEFAULT,
        sourcesContent: ESBUILD_OPTIONS.sourcesContent,
        banner: ESBUILD_OPTIONS.banner.js,
        mainFields: [...ESBUILD_OPTIONS.mainFields],
        bundleAwsSDK: BUNDLE_AWS_SDK,
        externalModules: [],
        // esbuild runs in projectRoot, so the alias targets resolve from the repository root.
        esbuildArgs: {
          '--alias': Object.entries(BUNDLE_ALIASES).map(([name, target]) => `${name}=${target}`),
        },
      },
    });
    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Node.js 22 is supported and not deprecated; it is the runtime the code is built and tested for',
    });
    props.alarms.notify(
      new Alarm(this, 'ErrorsAlarm', {
        alarmDescription: `abuse-intake ${props.name}: invocations failed`,
        metric: this.function.metricErrors({ period: Duration.minutes(5) }),
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
    props.alarms.notify(
      new Alarm(this, 'ThrottlesAlarm', {
        alarmDescription: `abuse-intake ${props.name}: invocations throttled`,
        metric: this.function.metricThrottles({ period: Duration.minutes(5) }),
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
  }
}
