import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { EventType, type IBucket } from 'aws-cdk-lib/aws-s3';
import { SqsDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { ReceiptRuleSet, TlsPolicy } from 'aws-cdk-lib/aws-ses';
import { S3 } from 'aws-cdk-lib/aws-ses-actions';
import type { IQueue, Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { intakeEnvironment } from '../../functions/intake/env.ts';
import { TABLE_SPECS, type TableNames } from '../../shared/adapters/dynamodb/tables.ts';
import type { AlarmTopic } from './alarm-topic.ts';
import { PipelineFunction } from './pipeline-function.ts';
import { QueueWithDeadLetters } from './queue-with-dead-letters.ts';
import { grantReadRawMail, type RawMailLocation } from './raw-mail-reader.ts';
import { grantTableRead, grantTableReadWrite } from './table-grants.ts';

/** Props of {@link ReportIntake}. */
export interface ReportIntakeProps {
  /** Addresses SES accepts reports at. */
  readonly reportingAddresses: readonly string[];
  /** The raw-mail bucket (its policy already lets SES write under the prefix). */
  readonly rawMail: IBucket;
  /** Where raw mail is (bucket export and prefix). */
  readonly rawMailLocation: RawMailLocation;
  /** The data stack's tables; intake reads tenants and writes reports. */
  readonly tables: { readonly tenants: ITable; readonly reports: ITable };
  /** Physical table names for the function environment. */
  readonly tableNames: TableNames;
  /** PlatformConfig JSON for attribution (DKIM keys, tenant header, relays). */
  readonly platformConfigJson: string;
  /** Days records are kept (their TTL). */
  readonly retentionDays: number;
  /** Where new report ids go for scoring. */
  readonly scoreQueue: IQueue;
  /** Where this construct's alarms notify. */
  readonly alarms: AlarmTopic;
}

/** Parsing and attributing one submission takes well under a second; the margin covers a 40 MB mail. */
const INTAKE_TIMEOUT = Duration.minutes(2);
/** Transient faults (throttling, a DynamoDB blip) clear within a few retries; then the DLQ keeps the event. */
const INTAKE_MAX_RECEIVES = 5;

/**
 * Receiving reports: the SES receipt rule set for the reporting addresses (spam and virus scanning, TLS
 * required) storing raw mail in S3, the S3 notification to the intake queue, and the intake function
 * (parse → attribute → record) consuming it with partial batch failures.
 */
export class ReportIntake extends Construct {
  public readonly ruleSet: ReceiptRuleSet;
  public readonly queue: Queue;
  /** The queue with its dead-letter queue (for redrive grants). */
  public readonly queues: QueueWithDeadLetters;
  public readonly function: PipelineFunction;

  constructor(scope: Construct, id: string, props: ReportIntakeProps) {
    super(scope, id);
    this.ruleSet = new ReceiptRuleSet(this, 'RuleSet');
    this.ruleSet.addRule('StoreReports', {
      recipients: [...props.reportingAddresses],
      // Verdicts land in X-SES-Spam-Verdict / X-SES-Virus-Verdict; reports are spam by nature, so none is dropped.
      scanEnabled: true,
      tlsPolicy: TlsPolicy.REQUIRE,
      actions: [new S3({ bucket: props.rawMail, objectKeyPrefix: props.rawMailLocation.prefix })],
    });
    const queue = new QueueWithDeadLetters(this, 'Queue', {
      purpose: 'abuse-intake intake',
      name: 'intake',
      visibilityTimeout: Duration.seconds(INTAKE_TIMEOUT.toSeconds() * 6),
      maxReceiveCount: INTAKE_MAX_RECEIVES,
      maxMessageAge: Duration.minutes(15),
      alarms: props.alarms,
    });
    this.queue = queue.queue;
    this.queues = queue;
    props.rawMail.addEventNotification(EventType.OBJECT_CREATED, new SqsDestination(this.queue), {
      prefix: props.rawMailLocation.prefix,
    });
    acknowledgeNotificationsHandler(this);
    this.function = new PipelineFunction(this, 'Intake', {
      name: 'intake',
      description: 'Parses, attributes and records reports SES stored in S3',
      environment: intakeEnvironment({
        tables: props.tableNames,
        rawMailBucket: props.rawMailLocation.bucketName,
        rawMailPrefix: props.rawMailLocation.prefix,
        scoreQueueUrl: props.scoreQueue.queueUrl,
        platformConfigJson: props.platformConfigJson,
        retentionDays: props.retentionDays,
      }),
      timeout: INTAKE_TIMEOUT,
      memorySize: 1024,
      alarms: props.alarms,
    });
    const fn = this.function.function;
    fn.addEventSource(
      new SqsEventSource(this.queue, { batchSize: 10, reportBatchItemFailures: true, maxConcurrency: 20 }),
    );
    grantReadRawMail(fn, props.rawMailLocation, this.function);
    grantTableRead(fn, props.tables.tenants, TABLE_SPECS.tenants);
    grantTableReadWrite(fn, props.tables.reports, TABLE_SPECS.reports);
    props.scoreQueue.grantSendMessages(fn);
  }
}

/**
 * CDK writes S3 notification configurations through its own singleton handler function, whose role carries the
 * AWS managed basic execution policy; it is CDK's, not ours to reshape.
 */
function acknowledgeNotificationsHandler(scope: Construct): void {
  for (const child of Stack.of(scope).node.children) {
    if (!child.node.id.startsWith('BucketNotificationsHandler')) continue;
    Validations.of(child).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        "CDK's S3 notification handler (runs only at deploy time) uses the basic execution role for its logs",
    });
  }
}
