import {
  GetObjectCommand,
  type GetObjectCommandOutput,
  HeadObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import {
  SendMessageBatchCommand,
  type SendMessageBatchCommandInput,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIntakeHandler } from '../../../../functions/intake/handler.ts';
import { parseS3Notification } from '../../../../functions/intake/s3-notification.ts';
import { createJsonLog } from '../../../../functions/json-log.ts';
import { createDynamoRecordStore } from '../../../../shared/adapters/dynamodb/record-store.ts';
import { createDynamoTenantDirectory } from '../../../../shared/adapters/dynamodb/tenant-directory-store.ts';
import { createS3RawMailStore } from '../../../../shared/adapters/s3/s3-raw-mail-store.ts';
import { createSqsScoreQueue } from '../../../../shared/adapters/sqs/score-queue.ts';
import { processSubmission } from '../../../../shared/core/intake/process-submission.ts';
import type { RecordStore } from '../../../../shared/core/ports.ts';
import { sampleSubmission } from '../../../adapters/dynamodb/sample-records.ts';
import { collectLog, s3ObjectCreatedBody, sqsEvent, sqsRecord } from '../../../functions/sqs-events.ts';
import { createTestTables, type DynamoBackend, startDynalite } from '../../../support/dynamodb.ts';
import { testTenant } from '../../../support/in-memory-scoring-stores.ts';
import { buildArfReport, deliver, platformMessage, TEST_PLATFORM } from '../../../support/mail-builder.ts';
import { runCli } from '../run-cli.ts';

const BUCKET = 'raw-mail-bucket';
const QUEUE_URL = 'https://sqs.eu-west-1.amazonaws.com/123456789012/intake';
const SCORE_QUEUE_URL = 'https://sqs.eu-west-1.amazonaws.com/123456789012/score';

const s3 = mockClient(S3Client);
const sqs = mockClient(SQSClient);
let backend: DynamoBackend;
let reportsTable: string;
let records: RecordStore;
const saved = { ...process.env };

beforeAll(async () => {
  backend = await startDynalite();
  // The default credential chain needs some credentials; dynalite accepts any, S3 and SQS are mocked.
  process.env['AWS_ACCESS_KEY_ID'] = 'AKIDEXAMPLE';
  process.env['AWS_SECRET_ACCESS_KEY'] = 'example';
});

afterAll(async () => {
  process.env = saved;
  process.exitCode = undefined;
  s3.restore();
  sqs.restore();
  await backend?.stop();
});

beforeEach(async () => {
  s3.reset();
  sqs.reset();
  process.exitCode = undefined;
  sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
  const tables = await createTestTables(backend.client);
  reportsTable = tables.reports;
  records = createDynamoRecordStore({ client: backend.client, tableName: reportsTable });
});

async function seed(...submissions: [id: string, receivedAt: string, unusable?: boolean][]): Promise<void> {
  for (const [id, receivedAt, unusable] of submissions) {
    await records.putSubmission(
      sampleSubmission(id, {
        receivedAt,
        rawLocation: `s3://${BUCKET}/raw/${id}`,
        ...(unusable ? { status: 'unusable', kind: 'unusable' } : {}),
      }),
    );
  }
}

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const { code, stdout, stderr } = await runCli([
    'aws-reprocess',
    ...argv,
    '--bucket',
    BUCKET,
    '--reports-table',
    reportsTable,
    '--region',
    'eu-west-1',
    '--endpoint',
    backend.endpoint,
  ]);
  return { code, out: stdout, err: stderr };
}

/** Every message sent to the intake queue, parsed back as the intake function reads it. */
function sentObjects(): { key: string; eventTime: string }[] {
  return sqs
    .commandCalls(SendMessageBatchCommand)
    .flatMap((call) => call.args[0].input.Entries ?? [])
    .flatMap((entry) => {
      const parsed = parseS3Notification(entry.MessageBody ?? '');
      return parsed.kind === 'objects'
        ? parsed.objects.map(({ key, eventTime }) => ({ key, eventTime }))
        : [];
    });
}

describe('abuse-intake aws-reprocess', () => {
  it('sends the submissions received in the range, each with its original received time as eventTime', async () => {
    await seed(
      ['before', '2026-11-09T23:59:59.999Z'],
      ['first', '2026-11-10T00:00:00.000Z'],
      ['unusable', '2026-11-11T08:30:00.000Z', true],
      ['last', '2026-11-12T00:00:00.000Z'],
      ['after', '2026-11-12T00:00:00.001Z'],
    );
    const result = await run(
      '--since',
      '2026-11-10',
      '--until',
      '2026-11-12T00:00:00Z',
      '--queue-url',
      QUEUE_URL,
    );
    expect(result).toMatchObject({ code: 0, out: 'selected 3, sent 3, failed 0\n' });
    expect(sentObjects()).toEqual([
      { key: 'raw/first', eventTime: '2026-11-10T00:00:00.000Z' },
      { key: 'raw/unusable', eventTime: '2026-11-11T08:30:00.000Z' },
      { key: 'raw/last', eventTime: '2026-11-12T00:00:00.000Z' },
    ]);
    expect(sqs.commandCalls(SendMessageBatchCommand)[0]?.args[0].input.QueueUrl).toBe(QUEUE_URL);
  });

  it('reads a range past one 500-item query page, every submission once', async () => {
    const start = Date.UTC(2026, 9, 1);
    const many = Array.from({ length: 520 }, (_, i) =>
      sampleSubmission(`page-${i}`, { receivedAt: new Date(start + i * 1000).toISOString() }),
    );
    await records.putSubmissions?.(many);
    const result = await run('--since', '2026-10-01', '--dry-run', '--json');
    const summary = JSON.parse(result.out) as { selected: number; wouldSend: { submissionId: string }[] };
    expect(summary.selected).toBe(520);
    expect(new Set(summary.wouldSend.map((target) => target.submissionId)).size).toBe(520);
  });

  it('leaves out records past their expiresAt, whose raw mail may be gone, and names them', async () => {
    await seed(['fresh', '2026-11-10T01:00:00.000Z']);
    await records.putSubmission(
      sampleSubmission('stale', { receivedAt: '2026-11-10T02:00:00.000Z', expiresAt: 1_700_000_000 }),
    );
    const result = await run('--since', '2026-11-10', '--queue-url', QUEUE_URL);
    expect(result.code).toBe(0);
    expect(result.out).toBe(
      'selected 1, sent 1, failed 0\n1 past retention, not sent (raw mail may be gone): stale\n',
    );
    expect(sentObjects().map((object) => object.key)).toEqual(['raw/fresh']);
  });

  it('refuses to run without ids, --since or --all, and sends nothing', async () => {
    await seed(['any', '2026-11-10T00:00:00.000Z']);
    const result = await run('--queue-url', QUEUE_URL);
    expect(result.code).not.toBe(0);
    expect(result.err).toContain('--since');
    expect(sqs.commandCalls(SendMessageBatchCommand)).toHaveLength(0);
  });

  it('sends every stored submission with --all, in batches of at most 10', async () => {
    const ids = Array.from({ length: 23 }, (_, i) => `sub-${String(i).padStart(2, '0')}`);
    await seed(
      ...ids.map((id, i): [string, string] => [id, new Date(Date.UTC(2026, 9, 5, 0, i)).toISOString()]),
    );
    const result = await run('--all', '--queue-url', QUEUE_URL, '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({ dryRun: false, selected: 23, sent: 23, failed: [] });
    const batches = sqs.commandCalls(SendMessageBatchCommand).map((call) => call.args[0].input.Entries ?? []);
    expect(batches.map((entries) => entries.length)).toEqual([10, 10, 3]);
    expect(sentObjects().map((object) => object.key)).toEqual(ids.map((id) => `raw/${id}`));
  });

  it('retries entries SQS reports as failed, then reports those still failing and exits non-zero', async () => {
    await seed(['flaky', '2026-11-10T01:00:00.000Z'], ['stuck', '2026-11-10T02:00:00.000Z']);
    let calls = 0;
    sqs.on(SendMessageBatchCommand).callsFake((input: SendMessageBatchCommandInput) => {
      calls++;
      const failed = (input.Entries ?? []).filter(
        (entry) =>
          entry.MessageBody?.includes('raw/stuck') ||
          (calls === 1 && entry.MessageBody?.includes('raw/flaky')),
      );
      return {
        Successful: [],
        Failed: failed.map((entry) => ({
          Id: entry.Id,
          SenderFault: false,
          Code: 'ServiceUnavailable',
          Message: 'try again',
        })),
      };
    });
    const result = await run('flaky', 'stuck', '--queue-url', QUEUE_URL);
    expect(result.code).toBe(1);
    expect(result.out).toContain('selected 2, sent 1, failed 1');
    expect(result.out).toContain('failed stuck: ServiceUnavailable: try again (after 4 attempts)');
    const attempts = sqs
      .commandCalls(SendMessageBatchCommand)
      .map((call) => call.args[0].input.Entries?.length);
    // Both fail at first; flaky goes through on the first retry, stuck uses up the attempts.
    expect(attempts).toEqual([2, 2, 1, 1]);
  });

  it('does not retry an entry SQS rejects as the sender’s fault', async () => {
    await seed(['rejected', '2026-11-10T01:00:00.000Z']);
    sqs.on(SendMessageBatchCommand).callsFake((input: SendMessageBatchCommandInput) => ({
      Successful: [],
      Failed: (input.Entries ?? []).map((entry) => ({
        Id: entry.Id,
        SenderFault: true,
        Code: 'InvalidMessageContents',
        Message: 'bad body',
      })),
    }));
    const result = await run('rejected', '--queue-url', QUEUE_URL);
    expect(result.code).toBe(1);
    expect(result.out).toContain('failed rejected: InvalidMessageContents: bad body');
    expect(sqs.commandCalls(SendMessageBatchCommand)).toHaveLength(1);
  });

  it('lists what it would send with --dry-run and sends nothing, even without a queue URL', async () => {
    await seed(['dry-1', '2026-11-10T01:00:00.000Z'], ['dry-2', '2026-11-10T02:00:00.000Z']);
    const result = await run('--since', '2026-11-10T00:00:00Z', '--dry-run');
    expect(result.code).toBe(0);
    expect(result.out).toBe(
      'dry run: would send 2 submissions to the intake queue\n' +
        '  dry-1  received 2026-11-10T01:00:00.000Z (submission-record)\n' +
        '  dry-2  received 2026-11-10T02:00:00.000Z (submission-record)\n',
    );
    expect(sqs.commandCalls(SendMessageBatchCommand)).toHaveLength(0);
  });

  it('takes the S3 LastModified as the received time of an id without a submission record, and says so', async () => {
    await seed(['known', '2026-11-10T01:00:00.000Z']);
    s3.on(HeadObjectCommand, { Bucket: BUCKET, Key: 'raw/never-processed' }).resolves({
      LastModified: new Date('2026-11-08T07:06:05.000Z'),
    });
    s3.on(HeadObjectCommand, { Bucket: BUCKET, Key: 'raw/nowhere' }).rejects(
      Object.assign(new Error('Not Found'), { name: 'NotFound' }),
    );
    const result = await run('known', 'never-processed', 'nowhere', '--queue-url', QUEUE_URL);
    expect(result.code).toBe(1);
    expect(result.out).toContain(
      "1 without a submission record: received time is the S3 object's LastModified",
    );
    expect(result.out).toContain(
      `failed nowhere: no submission record and no raw mail at s3://${BUCKET}/raw/nowhere`,
    );
    expect(sentObjects()).toEqual([
      { key: 'raw/never-processed', eventTime: '2026-11-08T07:06:05.000Z' },
      { key: 'raw/known', eventTime: '2026-11-10T01:00:00.000Z' },
    ]);
    expect(s3.commandCalls(HeadObjectCommand).map((call) => call.args[0].input.Key)).toEqual([
      'raw/never-processed',
      'raw/nowhere',
    ]);
  });

  it('rejects a --since that is not a time', async () => {
    const result = await run('--since', 'last week', '--queue-url', QUEUE_URL);
    expect(result.code).not.toBe(0);
    expect(result.err).toContain('not an ISO 8601 time');
  });
});

describe('aws-reprocess through the intake handler', () => {
  it('re-runs a recorded submission with the same report ids and received time', async () => {
    const directory = createDynamoTenantDirectory({
      client: backend.client,
      tableName: (await createTestTables(backend.client)).tenants,
    });
    await directory.putTenant(testTenant('tenant-a'));
    const deps = { directory, records, platform: TEST_PLATFORM, retentionDays: 90 };
    const handler = createIntakeHandler({
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
      log: createJsonLog({ function: 'intake' }, collectLog().write),
    });
    const mail = buildArfReport(
      deliver(platformMessage({ tenantId: 'tenant-a', from: 'a@tenant-a.example' })),
    );
    const bytes = new Uint8Array(Buffer.from(mail, 'utf8'));
    s3.on(GetObjectCommand, { Bucket: BUCKET, Key: 'raw/ses-1' }).resolves({
      Body: { transformToByteArray: async () => bytes } as unknown as GetObjectCommandOutput['Body'],
    });
    sqs.on(SendMessageCommand).resolves({ MessageId: 'score-1' });

    const received = '2026-11-24T11:00:05.000Z';
    await handler(sqsEvent(sqsRecord('s3-original', s3ObjectCreatedBody(BUCKET, 'raw/ses-1', received))));
    const first = await records.getSubmission('ses-1');
    expect(first?.reportIds).toHaveLength(1);

    const result = await run('ses-1', '--queue-url', QUEUE_URL);
    expect(result.code).toBe(0);
    const body = sqs.commandCalls(SendMessageBatchCommand)[0]?.args[0].input.Entries?.[0]?.MessageBody ?? '';
    const response = await handler(sqsEvent(sqsRecord('reprocess-1', body)));
    expect(response.batchItemFailures).toEqual([]);

    const again = await records.getSubmission('ses-1');
    expect(again?.receivedAt).toBe(received);
    expect(again?.reportIds).toEqual(first?.reportIds);
    const report = await records.getReport(first?.reportIds[0] ?? '');
    expect(report?.receivedAt).toBe(received);
    const scoreMessages = sqs.commandCalls(SendMessageCommand).map((call) => call.args[0].input.MessageBody);
    expect(scoreMessages).toHaveLength(2);
    expect(scoreMessages[1]).toBe(scoreMessages[0]);
  });
});
