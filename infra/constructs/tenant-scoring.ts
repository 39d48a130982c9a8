import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { scoreEnvironment } from '../../functions/score/env.ts';
import { TABLE_SPECS, type TableNames } from '../../shared/adapters/dynamodb/tables.ts';
import type { AlarmTopic } from './alarm-topic.ts';
import { PipelineFunction } from './pipeline-function.ts';
import { QueueWithDeadLetters } from './queue-with-dead-letters.ts';
import { grantTableRead, grantTableReadWrite } from './table-grants.ts';

/** Props of {@link TenantScoring}. */
export interface TenantScoringProps {
  /** The data stack's tables; grants name each table and index ARN. */
  readonly tables: { readonly tenants: ITable; readonly reports: ITable; readonly scores: ITable };
  /** Physical table names for the function environment. */
  readonly tableNames: TableNames;
  /** ARN of the SES identity notifications are sent from. */
  readonly sesIdentityArn: string;
  /** Sender address of tenant notifications, in that identity's domain. */
  readonly notificationsFrom: string;
  /** Where this construct's alarms notify. */
  readonly alarms: AlarmTopic;
}

/** Scoring is quick per report; a minute leaves room for a batch of floods of DynamoDB retries. */
const SCORE_TIMEOUT = Duration.minutes(1);
/** Conditional-write conflicts retry inside the handler; five deliveries then means a real fault. */
const SCORE_MAX_RECEIVES = 5;
/** Warnings clear and probations end when a tenant is evaluated; this bounds how late that can be without reports. */
const STANDING_REVIEW_RATE = Duration.minutes(5);

/**
 * The scoring stage: a score queue the intake function feeds with the ids of new reports, and the function that
 * applies them to tenant scores exactly once, imposes restrictions and notifies tenants through SES.
 *
 * Why an SQS queue and not DynamoDB Streams on the reports table: the local runtime (dynalite has no streams)
 * feeds scoring from its own queue, so with SQS both runtimes share one shape and one handler contract; a queue
 * also gives the stage its own dead-letter queue and redrive, which a stream's failure destination does not.
 */
export class TenantScoring extends Construct {
  /** Where the intake function sends `{ submissionId, reportIds }` messages. */
  public readonly queue: Queue;
  /** The queue with its dead-letter queue (for redrive grants). */
  public readonly queues: QueueWithDeadLetters;
  public readonly function: PipelineFunction;

  constructor(scope: Construct, id: string, props: TenantScoringProps) {
    super(scope, id);
    const queue = new QueueWithDeadLetters(this, 'Queue', {
      purpose: 'abuse-intake scoring',
      name: 'score',
      visibilityTimeout: Duration.seconds(SCORE_TIMEOUT.toSeconds() * 6),
      maxReceiveCount: SCORE_MAX_RECEIVES,
      maxMessageAge: Duration.minutes(15),
      alarms: props.alarms,
    });
    this.queue = queue.queue;
    this.queues = queue;
    this.function = new PipelineFunction(this, 'Score', {
      name: 'score',
      description: 'Applies new reports to tenant scores and restrictions',
      environment: scoreEnvironment({ tables: props.tableNames, notificationsFrom: props.notificationsFrom }),
      timeout: SCORE_TIMEOUT,
      memorySize: 512,
      alarms: props.alarms,
    });
    const fn = this.function.function;
    fn.addEventSource(
      new SqsEventSource(this.queue, { batchSize: 10, reportBatchItemFailures: true, maxConcurrency: 10 }),
    );
    new Rule(this, 'StandingReview', {
      description: 'Re-evaluates the top tenants so warnings clear and probations end without new reports',
      schedule: Schedule.rate(STANDING_REVIEW_RATE),
      targets: [new LambdaFunction(fn, { retryAttempts: 0 })],
    });
    grantTableRead(fn, props.tables.reports, TABLE_SPECS.reports);
    grantTableRead(fn, props.tables.tenants, TABLE_SPECS.tenants);
    grantTableReadWrite(fn, props.tables.scores, TABLE_SPECS.scores);
    grantSendNotifications(fn, props.sesIdentityArn, props.notificationsFrom);
  }
}

/** Lets `grantee` send mail only through `identityArn` and only from `from`. */
export function grantSendNotifications(grantee: IGrantable, identityArn: string, from: string): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions: ['ses:SendEmail', 'ses:SendRawEmail'],
      resources: [identityArn],
      conditions: { StringEquals: { 'ses:FromAddress': from } },
    }),
  );
}
