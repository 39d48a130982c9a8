import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import { EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import { RawMailBucket } from '../constructs/raw-mail-bucket.ts';
import { RecordTables } from '../constructs/record-tables.ts';

/** Props of {@link DataStack}. */
export interface DataStackProps extends StackProps {
  /** Days raw mail is kept (S3 lifecycle); records expire by TTL after the same time. */
  readonly retentionDays: number;
  /** The domain SES receives reports for and sends notices from. */
  readonly domain: string;
}

/**
 * The stateful half: the three tables, the raw-mail bucket and the SES domain identity. Retained and termination-protected, so the
 * pipeline stack can be destroyed and redeployed without losing a report.
 */
export class DataStack extends Stack {
  public readonly tables: RecordTables;
  public readonly rawMail: Bucket;
  /** The export the pipeline stack imports the bucket name from (a named export keeps IAM findings stable). */
  public readonly rawMailBucketExportName: string;
  /** The SES domain identity: kept here because its DKIM tokens live in the operator's DNS. */
  public readonly identity: EmailIdentity;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, { terminationProtection: true, ...props });
    this.tables = new RecordTables(this, 'Tables');
    this.rawMail = new RawMailBucket(this, 'RawMail', { retentionDays: props.retentionDays }).bucket;
    const outputs: Record<string, Table> = {
      TenantsTable: this.tables.tenants,
      ReportsTable: this.tables.reports,
      ScoresTable: this.tables.scores,
    };
    for (const [name, table] of Object.entries(outputs)) {
      new CfnOutput(this, name, { value: table.tableName, description: `DynamoDB table (${name})` });
    }
    this.rawMailBucketExportName = `${this.stackName}-RawMailBucketName`;
    this.identity = new EmailIdentity(this, 'Identity', { identity: Identity.domain(props.domain) });
    this.identity.applyRemovalPolicy(RemovalPolicy.RETAIN);
    this.identity.dkimRecords.forEach((record, index) => {
      new CfnOutput(this, `DkimRecord${index + 1}`, {
        value: `${record.name} CNAME ${record.value}`,
        description: 'Publish to verify the SES domain identity (Easy DKIM)',
      });
    });
    new CfnOutput(this, 'RawMailBucketName', {
      value: this.rawMail.bucketName,
      exportName: this.rawMailBucketExportName,
      description: 'Raw mail bucket; the pipeline stack imports it by this export',
    });
  }
}
