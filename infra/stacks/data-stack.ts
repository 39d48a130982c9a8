import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { RawMailBucket } from '../constructs/raw-mail-bucket.ts';
import { RecordTables } from '../constructs/record-tables.ts';

/** Props of {@link DataStack}. */
export interface DataStackProps extends StackProps {
  /** Days raw mail is kept (S3 lifecycle); records expire by TTL after the same time. */
  readonly retentionDays: number;
}

/**
 * The stateful half: the three tables and the raw-mail bucket. Retained and termination-protected, so the
 * pipeline stack can be destroyed and redeployed without losing a report.
 */
export class DataStack extends Stack {
  public readonly tables: RecordTables;
  public readonly rawMail: Bucket;
  /** The export the pipeline stack imports the bucket name from (a named export keeps IAM findings stable). */
  public readonly rawMailBucketExportName: string;

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
    new CfnOutput(this, 'RawMailBucketName', {
      value: this.rawMail.bucketName,
      exportName: this.rawMailBucketExportName,
      description: 'Raw mail bucket; the pipeline stack imports it by this export',
    });
  }
}
