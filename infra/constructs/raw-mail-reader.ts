import { Stack, Validations } from 'aws-cdk-lib';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IConstruct } from 'constructs';

/** Where a pipeline function finds raw mail: the data stack's bucket, imported through a named export. */
export interface RawMailLocation {
  /** The bucket name, as `Fn::ImportValue` of `exportName`. */
  readonly bucketName: string;
  /** The data stack's export holding the bucket name. */
  readonly exportName: string;
  /** Key prefix SES writes under. */
  readonly prefix: string;
}

/**
 * Lets a function read raw mail: GetObject under the prefix only, and ListBucket so a missing object answers
 * 404 rather than 403 (S3 reveals absence only to callers who may list). The object wildcard is inherent (keys
 * are SES message ids) and acknowledged for cdk-nag with that reason on `policyScope`.
 */
export function grantReadRawMail(
  grantee: IGrantable,
  location: RawMailLocation,
  policyScope: IConstruct,
): void {
  const partition = Stack.of(policyScope).partition;
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions: ['s3:GetObject'],
      resources: [`arn:${partition}:s3:::${location.bucketName}/${location.prefix}*`],
    }),
  );
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions: ['s3:ListBucket'],
      resources: [`arn:${partition}:s3:::${location.bucketName}`],
    }),
  );
  Validations.of(policyScope).acknowledge({
    // cdk-nag flattens Fn::ImportValue to the export name and AWS::Partition to <AWS::Partition>.
    id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${location.exportName}/${location.prefix}*]`,
    reason:
      'Raw mail keys are SES message ids under the raw/ prefix, unknown in advance; read-only, one prefix',
  });
}
