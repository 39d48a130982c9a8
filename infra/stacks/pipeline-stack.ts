import { CfnOutput, Fn, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { TableNames } from '../../shared/adapters/dynamodb/tables.ts';
import { type AppConfig, AppConfigError } from '../app-config.ts';
import { AlarmTopic } from '../constructs/alarm-topic.ts';
import { AnalystApi } from '../constructs/analyst-api.ts';
import { RAW_MAIL_PREFIX } from '../constructs/raw-mail-bucket.ts';
import { ReceiptRuleSetActivation } from '../constructs/receipt-rule-set-activation.ts';
import { ReportIntake } from '../constructs/report-intake.ts';
import { TenantScoring } from '../constructs/tenant-scoring.ts';

/** Props of {@link PipelineStack}: the data stack's resources and the deployment's configuration. */
export interface PipelineStackProps extends StackProps {
  /** The deployment's validated context. */
  readonly config: AppConfig;
  /** The data stack's tables; grants name each table and index ARN. */
  readonly tables: { readonly tenants: ITable; readonly reports: ITable; readonly scores: ITable };
  /** Physical table names for the function environment. */
  readonly tableNames: TableNames;
  /** Name of the data stack's export holding the raw-mail bucket name. */
  readonly rawMailBucketExportName: string;
  /** ARN of the data stack's SES domain identity, the only one the functions may send through. */
  readonly sesIdentityArn: string;
}

/**
 * The stateless half: SES receiving, queues, the three functions, the HTTP API and the alarms. Can be destroyed
 * and redeployed freely; everything it writes lives in the data stack.
 */
export class PipelineStack extends Stack {
  public readonly intake: ReportIntake;
  public readonly scoring: TenantScoring;
  public readonly api: AnalystApi;
  public readonly alarms: AlarmTopic;

  constructor(scope: Construct, id: string, props: PipelineStackProps) {
    super(scope, id, props);
    const { config } = props;
    // Imported by name: notifications on the data stack's own bucket object would make the data stack refer to
    // this stack's queue, a cycle. The bucket policy letting SES write is set in the data stack.
    const rawMailLocation = {
      bucketName: Fn.importValue(props.rawMailBucketExportName),
      exportName: props.rawMailBucketExportName,
      prefix: RAW_MAIL_PREFIX,
    };
    const rawMail = Bucket.fromBucketName(this, 'RawMail', rawMailLocation.bucketName);
    this.alarms = new AlarmTopic(this, 'Alarms', { alarmEmail: config.alarmEmail });
    this.scoring = new TenantScoring(this, 'Scoring', {
      tables: props.tables,
      tableNames: props.tableNames,
      sesIdentityArn: props.sesIdentityArn,
      notificationsFrom: config.notificationsFrom,
      alarms: this.alarms,
    });
    this.intake = new ReportIntake(this, 'Intake', {
      reportingAddresses: config.reportingAddresses,
      rawMail,
      rawMailLocation,
      tables: props.tables,
      tableNames: props.tableNames,
      platformConfigJson: platformConfigJson(config),
      retentionDays: config.retentionDays,
      scoreQueue: this.scoring.queue,
      alarms: this.alarms,
    });
    Validations.of(this.intake.ruleSet).acknowledge({
      id: '@aws-cdk/s3:AddBucketPermissions',
      reason: 'The data stack grants SES s3:PutObject on raw/* with an aws:SourceAccount condition',
    });
    this.api = new AnalystApi(this, 'Api', {
      tables: props.tables,
      tableNames: props.tableNames,
      rawMailLocation,
      manageRoles: config.apiManageRoles,
      auth: config.apiAuth,
      sesIdentityArn: props.sesIdentityArn,
      notificationsFrom: config.notificationsFrom,
      queues: [this.intake.queues, this.scoring.queues],
      alarms: this.alarms,
    });
    if (config.activateRuleSet) {
      new ReceiptRuleSetActivation(this, 'ActivateRuleSet', {
        ruleSetName: this.intake.ruleSet.receiptRuleSetName,
      });
    }
    new CfnOutput(this, 'ReceiptRuleSetName', { value: this.intake.ruleSet.receiptRuleSetName });
    new CfnOutput(this, 'IntakeQueueUrl', {
      value: this.intake.queue.queueUrl,
      description:
        'Intake queue; `abuse-intake aws-reprocess --queue-url` sends stored raw mail through it again',
    });
    new CfnOutput(this, 'MxRecord', {
      value: `${config.domain}. MX 10 inbound-smtp.${this.region}.amazonaws.com.`,
      description: 'Publish this MX record so mail to the reporting addresses reaches SES',
    });
  }
}

/**
 * Lambda allows 4 KB of environment variables per function in total; the platform configuration gets most of it,
 * the rest is table names, queue URL and bucket.
 */
const MAX_PLATFORM_CONFIG_BYTES = 3072;

/** The PlatformConfig the intake function attributes with (shape of shared/core/platform/platform-config.ts). */
function platformConfigJson(config: AppConfig): string {
  const json = JSON.stringify({
    signingKeys: config.signingKeys,
    tenantHeader: config.tenantHeader,
    relayHosts: config.relayHosts,
    relayIps: config.relayIps,
    reportingAddresses: config.reportingAddresses,
    trustedAuthservIds: config.trustedAuthservIds,
    automatedFeeds: config.automatedFeeds,
  });
  if (Buffer.byteLength(json) > MAX_PLATFORM_CONFIG_BYTES) {
    throw new AppConfigError(
      `context "signingKeys": the platform configuration is ${Buffer.byteLength(json)} bytes, over the ` +
        `${MAX_PLATFORM_CONFIG_BYTES} that fit in the Lambda environment (4 KB in all); give public keys as DNS p= ` +
        'values rather than PEM, or fewer keys',
    );
  }
  return json;
}
