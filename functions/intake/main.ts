/**
 * The intake Lambda's entry (handler `handler`): the only file that reads the environment and builds clients.
 * Clients are created once per execution environment and reused across invocations.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { createDynamoRecordStore } from '../../shared/adapters/dynamodb/record-store.ts';
import { createDynamoTenantDirectory } from '../../shared/adapters/dynamodb/tenant-directory-store.ts';
import { createS3RawMailStore } from '../../shared/adapters/s3/s3-raw-mail-store.ts';
import { createSqsScoreQueue } from '../../shared/adapters/sqs/score-queue.ts';
import { processSubmission } from '../../shared/core/intake/process-submission.ts';
import { parsePlatformConfig } from '../../shared/core/platform/index.ts';
import { createJsonLog } from '../json-log.ts';
import { readIntakeEnvironment } from './env.ts';
import { createIntakeHandler } from './handler.ts';

const env = readIntakeEnvironment(process.env);
const dynamodb = new DynamoDBClient({});
const intakeDeps = {
  directory: createDynamoTenantDirectory({ client: dynamodb, tableName: env.tables.tenants }),
  records: createDynamoRecordStore({ client: dynamodb, tableName: env.tables.reports }),
  platform: parsePlatformConfig(JSON.parse(env.platformConfigJson)),
  retentionDays: env.retentionDays,
};

/** The Lambda handler for the intake queue's event source mapping. */
export const handler = createIntakeHandler({
  rawMail: createS3RawMailStore({
    client: new S3Client({}),
    bucket: env.rawMailBucket,
    prefix: env.rawMailPrefix,
  }),
  processSubmission: (input) => processSubmission(input, intakeDeps),
  scoreQueue: createSqsScoreQueue({ client: new SQSClient({}), queueUrl: env.scoreQueueUrl }),
  log: createJsonLog({ function: 'intake' }),
});
