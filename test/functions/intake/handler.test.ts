import { GetObjectCommand, type GetObjectCommandOutput, S3Client } from '@aws-sdk/client-s3';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIntakeHandler } from '../../../functions/intake/handler.ts';
import { createJsonLog } from '../../../functions/json-log.ts';
import { createDynamoRecordStore } from '../../../shared/adapters/dynamodb/record-store.ts';
import { createDynamoTenantDirectory } from '../../../shared/adapters/dynamodb/tenant-directory-store.ts';
import { createS3RawMailStore } from '../../../shared/adapters/s3/s3-raw-mail-store.ts';
import { createSqsScoreQueue } from '../../../shared/adapters/sqs/score-queue.ts';
import { processSubmission } from '../../../shared/core/intake/process-submission.ts';
import type { RecordStore } from '../../../shared/core/ports.ts';
import { createTestTables, type DynamoBackend, startDynalite } from '../../support/dynamodb.ts';
import { testTenant } from '../../support/in-memory-scoring-stores.ts';
import { buildArfReport, deliver, platformMessage, TEST_PLATFORM } from '../../support/mail-builder.ts';
import { collectLog, s3ObjectCreatedBody, s3TestEventBody, sqsEvent, sqsRecord } from '../sqs-events.ts';

const BUCKET = 'raw-mail-bucket';
const SCORE_QUEUE_URL = 'https://sqs.eu-west-1.amazonaws.com/123456789012/score';
const SECRET_SUBJECT = 'Private subject that must never be logged';
const GOOD_REPORT = buildArfReport(
  deliver(
    platformMessage({
      tenantId: 'tenant-a',
      from: 'Alice <alice@tenant-a.example>',
      subject: SECRET_SUBJECT,
    }),
  ),
);
/** An out-of-office reply: not a report, recorded as unusable (RFC 3834). */
const AUTO_REPLY = [
  'From: Bob <bob@recipient.example>',
  'To: junk@platform.example',
  'Subject: Automatic reply: out of office',
  'Auto-Submitted: auto-replied',
  'Date: Tue, 24 Nov 2026 11:00:00 +0000',
  'Message-ID: <ooo-1@recipient.example>',
  '',
  'I am away until Monday.',
  '',
].join('\r\n');

const s3 = mockClient(S3Client);
const sqs = mockClient(SQSClient);
let backend: DynamoBackend;
let records: RecordStore;
let log: ReturnType<typeof collectLog>;
let handler: ReturnType<typeof createIntakeHandler>;

beforeAll(async () => {
  backend = await startDynalite();
  const tables = await createTestTables(backend.client);
  const directory = createDynamoTenantDirectory({ client: backend.client, tableName: tables.tenants });
  await directory.putTenant(testTenant('tenant-a'));
  records = createDynamoRecordStore({ client: backend.client, tableName: tables.reports });
  const deps = { directory, records, platform: TEST_PLATFORM, retentionDays: 90 };
  log = collectLog();
  handler = createIntakeHandler({
    rawMail: createS3RawMailStore({
      client: new S3Client({ region: 'eu-west-1' }),
      bucket: BUCKET,
      prefix: 'raw/',
    }),
    processSubmission: (input) => processSubmission(input, deps),
    scoreQueue: createSqsScoreQueue({
      client: new SQSClient({ region: 'eu-west-1' }),
      queueUrl: SCORE_QUEUE_URL,
    }),
    log: createJsonLog({ function: 'intake' }, log.write),
  });
});

afterAll(async () => {
  s3.restore();
  sqs.restore();
  await backend?.stop();
});

beforeEach(() => {
  s3.reset();
  sqs.reset();
  log.lines.length = 0;
  sqs.on(SendMessageCommand).resolves({ MessageId: 'score-1' });
  storeObject('raw/good-1', GOOD_REPORT);
  storeObject('raw/auto-reply-1', AUTO_REPLY);
  s3.on(GetObjectCommand, { Bucket: BUCKET, Key: 'raw/slow-1' }).rejects(
    Object.assign(new Error('Please reduce your request rate.'), { name: 'SlowDown', $fault: 'server' }),
  );
});

function storeObject(key: string, text: string): void {
  const bytes = new Uint8Array(Buffer.from(text, 'utf8'));
  const body = { transformToByteArray: async () => bytes } as unknown as GetObjectCommandOutput['Body'];
  s3.on(GetObjectCommand, { Bucket: BUCKET, Key: key }).resolves({ Body: body });
}

const message = (id: string, key: string) => sqsRecord(id, s3ObjectCreatedBody(BUCKET, key));

describe('intake handler', () => {
  it('returns exactly the failing record of a batch with one good, one unusable and one failing mail', async () => {
    const response = await handler(
      sqsEvent(
        message('m-good', 'raw/good-1'),
        message('m-unusable', 'raw/auto-reply-1'),
        message('m-slow', 'raw/slow-1'),
      ),
    );
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm-slow' }]);
  });

  it('records the good mail with its attributed report and hands the report ids to scoring', async () => {
    await handler(sqsEvent(message('m-good', 'raw/good-1')));
    const submission = await records.getSubmission('good-1');
    expect(submission).toMatchObject({
      status: 'processed',
      kind: 'arf',
      rawLocation: `s3://${BUCKET}/raw/good-1`,
      receivedAt: '2026-11-24T11:00:05.000Z',
    });
    const report = await records.getReport(submission?.reportIds[0] ?? '');
    expect(report?.tenantId).toBe('tenant-a');
    const sent = sqs.commandCalls(SendMessageCommand).map((call) => call.args[0].input);
    expect(sent).toEqual([
      {
        QueueUrl: SCORE_QUEUE_URL,
        MessageBody: JSON.stringify({ submissionId: 'good-1', reportIds: submission?.reportIds }),
      },
    ]);
  });

  it('records unusable mail with its reason, sends nothing to scoring and does not fail the message', async () => {
    const response = await handler(sqsEvent(message('m-unusable', 'raw/auto-reply-1')));
    expect(response.batchItemFailures).toEqual([]);
    const submission = await records.getSubmission('auto-reply-1');
    expect(submission?.status).toBe('unusable');
    expect(submission?.reason?.code).toBeTruthy();
    expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(0);
  });

  it('yields the same records when SQS delivers the same notification twice', async () => {
    await handler(sqsEvent(message('m-1', 'raw/good-1')));
    const first = await records.getSubmission('good-1');
    await handler(sqsEvent(message('m-1', 'raw/good-1')));
    expect(await records.getSubmission('good-1')).toEqual(first);
  });

  it('fails the message when scoring cannot be told, so the mail is retried', async () => {
    sqs
      .on(SendMessageCommand)
      .rejects(Object.assign(new Error('throttled'), { name: 'ThrottlingException' }));
    const response = await handler(sqsEvent(message('m-good', 'raw/good-1')));
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm-good' }]);
  });

  it('fails the message when the announced raw mail is gone, so it reaches the dead-letter queue', async () => {
    s3.on(GetObjectCommand, { Bucket: BUCKET, Key: 'raw/gone-1' }).rejects(
      Object.assign(new Error('The specified key does not exist.'), { name: 'NoSuchKey' }),
    );
    const response = await handler(sqsEvent(message('m-gone', 'raw/gone-1')));
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm-gone' }]);
  });

  it('ignores the S3 test event, SES setup object, keys outside raw/ and bodies that are not S3 events', async () => {
    const response = await handler(
      sqsEvent(
        sqsRecord('m-test', s3TestEventBody(BUCKET)),
        message('m-setup', 'raw/AMAZON_SES_SETUP_NOTIFICATION'),
        message('m-other', 'exports/report.csv'),
        sqsRecord('m-junk', 'not json'),
      ),
    );
    expect(response.batchItemFailures).toEqual([]);
    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(0);
  });

  it('logs ids and outcomes as JSON, never the mail content', async () => {
    await handler(sqsEvent(message('m-good', 'raw/good-1'), message('m-slow', 'raw/slow-1')));
    const lines = log.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toContainEqual(
      expect.objectContaining({
        event: 'intake.recorded',
        submissionId: 'good-1',
        status: 'processed',
        attributed: 1,
      }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({
        event: 'intake.failed',
        messageId: 'm-slow',
        error: 'S3RawMailStoreError',
        cause: 'SlowDown',
      }),
    );
    expect(log.lines.join('\n')).not.toContain(SECRET_SUBJECT);
    expect(log.lines.join('\n')).not.toContain('alice@tenant-a.example');
  });
});
