import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AwsScoringDeps, createAwsScoringDeps } from '../../../functions/aws-scoring-deps.ts';
import { createJsonLog } from '../../../functions/json-log.ts';
import { createScoreHandler } from '../../../functions/score/handler.ts';
import { checkSending, explainTenant, scoreReports } from '../../../shared/core/score/index.ts';
import { createTestTables, type DynamoBackend, startDynalite } from '../../support/dynamodb.ts';
import { testTenant } from '../../support/in-memory-scoring-stores.ts';
import { reportRecord } from '../../support/report-records.ts';
import { collectLog, sqsEvent, sqsRecord } from '../sqs-events.ts';

const NOW = '2026-11-24T12:00:00.000Z';
const FROM = 'notifications@abuse.platform.example';
const ses = mockClient(SESClient);
let backend: DynamoBackend;
let deps: AwsScoringDeps;
let handler: ReturnType<typeof createScoreHandler>;
let log: ReturnType<typeof collectLog>;

beforeAll(async () => {
  backend = await startDynalite();
  const tables = await createTestTables(backend.client);
  deps = createAwsScoringDeps({
    dynamodb: backend.client,
    ses: new SESClient({ region: 'eu-west-1' }),
    tables,
    notificationsFrom: FROM,
  });
  // Thresholds low enough that one proven report from a feedback loop restricts the tenant and notifies it.
  await deps.directory.putTenant(
    testTenant('tenant-a', { policy: { warnThreshold: 0.1, restrictThreshold: 0.2 } }),
  );
  await deps.scoring.records.putReports([
    reportRecord({
      id: 'r-1',
      tenantId: 'tenant-a',
      trust: 'automated-feed',
      receivedAt: '2026-11-24T11:00:00.000Z',
    }),
  ]);
  log = collectLog();
  handler = createScoreHandler({
    getReport: (reportId) => deps.scoring.records.getReport(reportId),
    scoreReports: async (reports, now) => {
      await scoreReports(reports, deps.scoring, now);
    },
    now: () => NOW,
    log: createJsonLog({ function: 'score' }, log.write),
  });
});

afterAll(async () => {
  ses.restore();
  await backend?.stop();
});

beforeEach(() => {
  ses.reset();
  ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
});

const request = (submissionId: string, reportIds: string[]) => JSON.stringify({ submissionId, reportIds });

const explain = (tenantId: string) => explainTenant(tenantId, deps.scoring, NOW);

describe('score handler', () => {
  it('returns exactly the message whose report is missing, drops a malformed one, scores the good one', async () => {
    const response = await handler(
      sqsEvent(
        sqsRecord('m-good', request('sub-r-1', ['r-1'])),
        sqsRecord('m-malformed', '{"reportIds":"r-1"}'),
        sqsRecord('m-missing', request('sub-x', ['no-such-report'])),
      ),
    );
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm-missing' }]);
    expect((await explain('tenant-a')).score).toBeGreaterThan(0);
    expect(await checkSending('tenant-a', undefined, deps.scoring, NOW)).toMatchObject({
      allowed: false,
      state: 'restricted',
    });
    const sent = ses.commandCalls(SendEmailCommand).map((call) => call.args[0].input);
    expect(sent.length).toBeGreaterThan(0);
    for (const input of sent) {
      expect(input.Source).toBe(FROM);
      expect(input.Destination?.ToAddresses).toEqual(['admin@tenant-a.example']);
    }
  });

  it('counts a report once when SQS delivers it twice', async () => {
    const before = (await explain('tenant-a')).score;
    const response = await handler(sqsEvent(sqsRecord('m-again', request('sub-r-1', ['r-1']))));
    expect(response.batchItemFailures).toEqual([]);
    expect((await explain('tenant-a')).score).toBe(before);
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
  });

  it('fails the message when SES cannot take a notice, so it is retried', async () => {
    await deps.directory.putTenant(
      testTenant('tenant-b', { policy: { warnThreshold: 0.1, restrictThreshold: 0.2 } }),
    );
    await deps.scoring.records.putReports([
      reportRecord({
        id: 'r-b',
        tenantId: 'tenant-b',
        senderDomain: 'tenant-b.example',
        trust: 'automated-feed',
        receivedAt: '2026-11-24T11:30:00.000Z',
      }),
    ]);
    ses.on(SendEmailCommand).rejects(Object.assign(new Error('Throttling'), { name: 'Throttling' }));
    const response = await handler(sqsEvent(sqsRecord('m-b', request('sub-r-b', ['r-b']))));
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm-b' }]);
    expect(log.lines.some((line) => line.includes('"event":"score.failed"'))).toBe(true);
  });
});
