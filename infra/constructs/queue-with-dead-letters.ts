import { CfnOutput, Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { QueuePair } from '../../shared/adapters/sqs/sqs-dead-letters.ts';
import type { AlarmTopic } from './alarm-topic.ts';

/** Props of {@link QueueWithDeadLetters}. */
export interface QueueWithDeadLettersProps {
  /** At least six times the consumer's timeout, as AWS advises for SQS event sources. */
  readonly visibilityTimeout: Duration;
  /** Receives before a message moves to the dead-letter queue. */
  readonly maxReceiveCount: number;
  /** Age of the oldest message that means the consumer is stuck or too slow. */
  readonly maxMessageAge: Duration;
  /** Where this construct's alarms notify. */
  readonly alarms: AlarmTopic;
  /** Human name used in alarm descriptions and output descriptions. */
  readonly purpose: string;
  /** Short name (`intake`, `score`) for health details. */
  readonly name: string;
}

/** Dead letters are kept for SQS's maximum so an operator has two weeks to inspect and redrive them. */
const DEAD_LETTER_RETENTION = Duration.days(14);

/**
 * An encrypted, TLS-only SQS queue with its dead-letter queue, an alarm on any dead letter and one on the age of
 * the oldest message. Replay is SQS's own DLQ redrive (`aws sqs start-message-move-task`), see README.
 */
export class QueueWithDeadLetters extends Construct {
  public readonly queue: Queue;
  public readonly deadLetterQueue: Queue;
  /** Short name (`intake`, `score`) for health details. */
  public readonly name: string;

  constructor(scope: Construct, id: string, props: QueueWithDeadLettersProps) {
    super(scope, id);
    this.name = props.name;
    this.deadLetterQueue = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: DEAD_LETTER_RETENTION,
    });
    this.queue = new Queue(this, 'Queue', {
      // SSE-SQS, not a customer key: S3 event notifications cannot publish to a queue under an AWS managed
      // KMS key, and SSE-SQS needs no key policy for the S3 and Lambda principals.
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: props.visibilityTimeout,
      retentionPeriod: DEAD_LETTER_RETENTION,
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: props.maxReceiveCount },
    });
    props.alarms.notify(
      new Alarm(this, 'DeadLettersAlarm', {
        alarmDescription: `${props.purpose}: messages reached the dead-letter queue; inspect, fix, then redrive`,
        metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
          period: Duration.minutes(1),
        }),
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
    props.alarms.notify(
      new Alarm(this, 'AgeAlarm', {
        alarmDescription: `${props.purpose}: the oldest message waits longer than ${props.maxMessageAge.toMinutes()} minutes`,
        metric: this.queue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(1) }),
        threshold: props.maxMessageAge.toSeconds(),
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 5,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
    new CfnOutput(this, 'DeadLetterQueueArn', {
      description: `${props.purpose} dead letters; redrive with aws sqs start-message-move-task --source-arn`,
      value: this.deadLetterQueue.queueArn,
    });
  }

  /**
   * Lets `grantee` read both queues' depths and redrive dead letters back to the work queue with SQS's
   * StartMessageMoveTask, which needs receive/delete on the source and send on the destination.
   */
  grantRedrive(grantee: IGrantable): void {
    this.queue.grant(grantee, 'sqs:GetQueueAttributes', 'sqs:SendMessage');
    this.deadLetterQueue.grant(
      grantee,
      'sqs:GetQueueAttributes',
      'sqs:StartMessageMoveTask',
      'sqs:ReceiveMessage',
      'sqs:DeleteMessage',
    );
  }

  /** The pair as the API function's environment describes it. */
  get pair(): QueuePair {
    return {
      name: this.name,
      queueUrl: this.queue.queueUrl,
      deadLetterQueueUrl: this.deadLetterQueue.queueUrl,
      deadLetterQueueArn: this.deadLetterQueue.queueArn,
    };
  }
}
