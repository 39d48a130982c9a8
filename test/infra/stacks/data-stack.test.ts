import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { TABLE_SPECS } from '../../../shared/adapters/dynamodb/tables.ts';
import { type SynthesizedApp, synthApp } from '../synth-app.ts';

let synthesized: SynthesizedApp;
beforeAll(() => {
  synthesized = synthApp({ retentionDays: 30 });
});

describe('DataStack', () => {
  it('is termination-protected', () => {
    expect(synthesized.stacks.data.terminationProtection).toBe(true);
  });

  it('defines each table from TABLE_SPECS: keys, every index, and the TTL attribute', () => {
    for (const spec of Object.values(TABLE_SPECS)) {
      synthesized.data.hasResourceProperties('AWS::DynamoDB::Table', {
        KeySchema: [
          { AttributeName: spec.partitionKey, KeyType: 'HASH' },
          { AttributeName: spec.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: spec.indexes.map((index) =>
          Match.objectLike({
            IndexName: index.indexName,
            KeySchema: [
              { AttributeName: index.partitionKey, KeyType: 'HASH' },
              { AttributeName: index.sortKey, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          }),
        ),
        ...(spec.ttlAttribute
          ? { TimeToLiveSpecification: { AttributeName: spec.ttlAttribute, Enabled: true } }
          : {}),
      });
    }
  });

  it('gives the reports table the byMessageId index among its nine, within the 20 DynamoDB allows', () => {
    const reports = Object.values(synthesized.data.findResources('AWS::DynamoDB::Table')).find((table) =>
      (table.Properties.GlobalSecondaryIndexes as { IndexName: string }[] | undefined)?.some(
        (index) => index.IndexName === 'byMessageId',
      ),
    );
    const indexes = reports?.Properties.GlobalSecondaryIndexes as { IndexName: string; KeySchema: unknown }[];
    expect(indexes).toHaveLength(9);
    expect(indexes.find((index) => index.IndexName === 'byMessageId')?.KeySchema).toEqual([
      { AttributeName: 'messageIdKey', KeyType: 'HASH' },
      { AttributeName: 'receivedSk', KeyType: 'RANGE' },
    ]);
  });

  it('keeps every table on demand, encrypted, with point-in-time recovery, retained', () => {
    const tables = synthesized.data.findResources('AWS::DynamoDB::Table');
    expect(Object.keys(tables)).toHaveLength(3);
    for (const table of Object.values(tables)) {
      expect(table.DeletionPolicy).toBe('Retain');
      expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
      expect(table.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
      expect(table.Properties.SSESpecification).toEqual({ SSEEnabled: true });
      expect(table.Properties.DeletionProtectionEnabled).toBe(true);
    }
  });

  it('blocks all public access to every bucket, encrypts it and retains it', () => {
    const buckets = synthesized.data.findResources('AWS::S3::Bucket');
    expect(Object.keys(buckets).length).toBeGreaterThan(0);
    for (const bucket of Object.values(buckets)) {
      expect(bucket.DeletionPolicy).toBe('Retain');
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties.BucketEncryption).toBeDefined();
    }
  });

  it('denies every request to every bucket that does not use TLS', () => {
    const buckets = Object.keys(synthesized.data.findResources('AWS::S3::Bucket'));
    const policies = Object.values(synthesized.data.findResources('AWS::S3::BucketPolicy'));
    for (const bucket of buckets) {
      const policy = policies.find((p) => p.Properties.Bucket.Ref === bucket);
      expect(policy?.Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({
          Effect: 'Deny',
          Action: 's3:*',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
      );
    }
  });

  it('versions raw mail and expires it after the retention, old versions a week later', () => {
    synthesized.data.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({
            Prefix: 'raw/',
            ExpirationInDays: 30,
            NoncurrentVersionExpiration: { NoncurrentDays: 7 },
            Status: 'Enabled',
          }),
        ]),
      },
    });
  });

  it('keeps the SES domain identity (its DKIM tokens live in DNS) and outputs its DKIM records', () => {
    const identities = Object.values(synthesized.data.findResources('AWS::SES::EmailIdentity'));
    expect(identities).toHaveLength(1);
    expect(identities[0]?.DeletionPolicy).toBe('Retain');
    expect(identities[0]?.Properties.EmailIdentity).toBe('abuse.example.com');
    expect(Object.keys(synthesized.data.toJSON().Outputs)).toEqual(
      expect.arrayContaining(['DkimRecord1', 'DkimRecord2', 'DkimRecord3']),
    );
  });

  it('lets only SES of this account put raw mail, and only under raw/', () => {
    synthesized.data.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'ses.amazonaws.com' },
            Action: 's3:PutObject',
            Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
            Resource: { 'Fn::Join': ['', [Match.anyValue(), '/raw/*']] },
          }),
        ]),
      },
    });
  });
});
