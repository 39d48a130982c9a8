import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoRecordStore } from '../../../shared/adapters/dynamodb/record-store.ts';
import { createDynamoTenantDirectory } from '../../../shared/adapters/dynamodb/tenant-directory-store.ts';
import { type IntakeDeps, processSubmission } from '../../../shared/core/intake/process-submission.ts';
import { processSubmissions } from '../../../shared/core/intake/process-submissions.ts';
import type { SubmissionRecord } from '../../../shared/core/model/index.ts';
import type { RecordStore } from '../../../shared/core/ports.ts';
import { createTestTables, DYNAMO_BACKENDS, type DynamoBackend } from '../../support/dynamodb.ts';
import { deliver, platformMessage, TEST_PLATFORM } from '../../support/mail-builder.ts';

const RECEIVED_AT = '2026-11-24T12:00:00.000Z';

/** A human forward of one platform message about `tenantId` (one report). */
function forward(tenantId: string, n: number): Uint8Array {
  const original = deliver(platformMessage({ tenantId })).toString();
  return new TextEncoder().encode(
    [
      'From: Person <person@isp.example>',
      'To: abuse@platform.example',
      `Subject: Fwd: spam ${n}`,
      `Message-ID: <fwd-${n}@isp.example>`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain',
      '',
      'Please stop this.',
      '--b1',
      'Content-Type: message/rfc822',
      '',
      original,
      '--b1--',
      '',
    ].join('\r\n'),
  );
}

const input = (submissionId: string, raw: Uint8Array) => ({
  submissionId,
  raw,
  receivedAt: RECEIVED_AT,
  rawLocation: `file:///raw/${submissionId}.eml`,
});

describe.each(DYNAMO_BACKENDS)('processSubmissions on $name', ({ start }) => {
  let backend: DynamoBackend;
  let records: RecordStore;
  let deps: IntakeDeps;

  beforeAll(async () => {
    backend = await start();
    const names = await createTestTables(backend.client);
    const directory = createDynamoTenantDirectory({ client: backend.client, tableName: names.tenants });
    records = createDynamoRecordStore({ client: backend.client, tableName: names.reports });
    deps = { directory, records, platform: TEST_PLATFORM, retentionDays: 180 };
    await directory.putTenant({
      tenantId: 'acme',
      name: 'Acme',
      acceptedDomains: [{ domain: 'acme.example', includeSubdomains: false }],
      dedicatedIps: [],
      createdAt: RECEIVED_AT,
      updatedAt: RECEIVED_AT,
    });
  });
  afterAll(async () => {
    await backend?.stop();
  });

  it('writes the same records as processSubmission, outcomes in input order', async () => {
    const inputs = [
      input('batch-a', forward('acme', 1)),
      input('batch-b', new TextEncoder().encode('not a report')),
      input('batch-c', forward('acme', 3)),
    ];
    const outcomes = await processSubmissions(inputs, deps);
    expect(outcomes.map((outcome) => outcome.submission.submissionId)).toEqual([
      'batch-a',
      'batch-b',
      'batch-c',
    ]);
    for (const [index, outcome] of outcomes.entries()) {
      expect(await records.getSubmission(inputs[index]!.submissionId)).toEqual(outcome.submission);
      for (const report of outcome.reports) expect(await records.getReport(report.reportId)).toEqual(report);
      // One by one yields the very same records (idempotent, deterministic).
      expect(await processSubmission(inputs[index]!, deps)).toEqual(outcome);
    }
    expect(outcomes[1]!.submission.status).toBe('unusable');
    expect(outcomes[0]!.reports).toHaveLength(1);
  });

  it('drops reports an earlier run produced when a batch reprocesses a submission into fewer', async () => {
    const first = await processSubmission(input('batch-stale', forward('acme', 4)), deps);
    expect(first.reports).toHaveLength(1);
    const [again] = await processSubmissions(
      [input('batch-stale', new TextEncoder().encode('not a report'))],
      deps,
    );
    expect(again!.submission.reportIds).toEqual([]);
    expect(await records.getReport(first.reports[0]!.reportId)).toBeUndefined();
    expect((await records.getSubmission('batch-stale'))?.status).toBe('unusable');
  });

  it('writes every report before any submission that lists it', async () => {
    const order: string[] = [];
    const watched: RecordStore = {
      ...records,
      putReports: async (reports) => {
        order.push(...reports.map(() => 'report'));
        await records.putReports(reports);
      },
      putSubmissions: async (submissions: readonly SubmissionRecord[]) => {
        order.push(...submissions.map(() => 'submission'));
        await records.putSubmissions!(submissions);
      },
    };
    await processSubmissions([input('order-a', forward('acme', 5)), input('order-b', forward('acme', 6))], {
      ...deps,
      records: watched,
    });
    expect(order).toEqual(['report', 'report', 'submission', 'submission']);
  });
});
