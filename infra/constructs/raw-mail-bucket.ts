import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** Props of {@link RawMailBucket}. */
export interface RawMailBucketProps {
  /** Days raw mail is kept; matches the DynamoDB TTL of the records that point at it. */
  readonly retentionDays: number;
}

/** Key prefix SES writes raw mail under; the intake queue is notified only for it. */
export const RAW_MAIL_PREFIX = 'raw/';
/** Overwritten versions are kept briefly so a mistaken overwrite or delete can be undone. */
const NONCURRENT_VERSION_DAYS = 7;
/** Access logs outlive the mail they describe so an access can be investigated after the mail expired. */
const ACCESS_LOG_DAYS = 365;

/**
 * Where SES stores every reported mail before anything else happens (DESIGN §6: raw mail kept before anything is
 * acknowledged): encrypted, private, TLS-only, versioned, expiring after the retention, writable by SES only for
 * this account.
 */
export class RawMailBucket extends Construct {
  public readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: RawMailBucketProps) {
    super(scope, id);
    const accessLogs = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ expiration: Duration.days(ACCESS_LOG_DAYS) }],
    });
    this.bucket = new Bucket(this, 'Bucket', {
      // SSE-S3: SES's S3 action writes to it without a KMS key policy, and raw mail never leaves the account.
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'raw-mail/',
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        {
          id: 'expire-raw-mail',
          prefix: RAW_MAIL_PREFIX,
          expiration: Duration.days(props.retentionDays),
          noncurrentVersionExpiration: Duration.days(NONCURRENT_VERSION_DAYS),
        },
        {
          id: 'clean-up',
          abortIncompleteMultipartUploadAfter: Duration.days(1),
          expiredObjectDeleteMarker: true,
        },
      ],
    });
    // SES receipt rules write here (https://docs.aws.amazon.com/ses/latest/dg/receiving-email-permissions.html);
    // aws:SourceAccount stops another account's receipt rule from using this bucket (confused deputy).
    this.bucket.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowSesToStoreRawMail',
        principals: [new ServicePrincipal('ses.amazonaws.com')],
        actions: ['s3:PutObject'],
        resources: [this.bucket.arnForObjects(`${RAW_MAIL_PREFIX}*`)],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
  }
}
