import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoRecordStore } from '../../../shared/adapters/dynamodb/record-store.ts';
import {
  createDynamoTenantDirectory,
  type TenantDirectoryStore,
} from '../../../shared/adapters/dynamodb/tenant-directory-store.ts';
import { type IntakeDeps, processSubmission } from '../../../shared/core/intake/process-submission.ts';
import { reportIdFor } from '../../../shared/core/intake/report-id.ts';
import type { PlatformConfig } from '../../../shared/core/platform/platform-config.ts';
import type { RecordStore } from '../../../shared/core/ports.ts';
import { createTestTables, DYNAMO_BACKENDS, type DynamoBackend } from '../../support/dynamodb.ts';
import { deliver, platformMessage, TEST_PLATFORM } from '../../support/mail-builder.ts';

const PLATFORM: PlatformConfig = {
  ...TEST_PLATFORM,
  trustedAuthservIds: ['mx.platform.example'],
  automatedFeeds: ['feedback.example.net'],
};
const RECEIVED_AT = '2026-11-24T12:00:00.000Z';

/** An RFC 5965 ARF report from fbl@feedback.example.net about `original`, authenticated by our MX. */
function arfReport(
  original: string,
  authResults = 'mx.platform.example; dkim=pass header.d=feedback.example.net',
): Uint8Array {
  const text = [
    `Authentication-Results: ${authResults}`,
    'From: Feedback Loop <fbl@feedback.example.net>',
    'To: junk@platform.example',
    'Subject: Abuse report',
    'Date: Tue, 24 Nov 2026 11:59:00 +0000',
    'Message-ID: <arf-1@feedback.example.net>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=feedback-report; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'This is an abuse report.',
    '--b1',
    'Content-Type: message/feedback-report',
    '',
    'Feedback-Type: abuse',
    'User-Agent: TestFBL/1.0',
    'Version: 1',
    'Source-IP: 203.0.113.5',
    '',
    '--b1',
    'Content-Type: message/rfc822',
    'Content-Disposition: inline',
    '',
    original,
    '--b1--',
    '',
  ].join('\r\n');
  return new TextEncoder().encode(text);
}

describe.each(DYNAMO_BACKENDS)('processSubmission on $name', ({ start }) => {
  let backend: DynamoBackend;
  let directory: TenantDirectoryStore;
  let records: RecordStore;
  let deps: IntakeDeps;

  beforeAll(async () => {
    backend = await start();
    const names = await createTestTables(backend.client);
    directory = createDynamoTenantDirectory({ client: backend.client, tableName: names.tenants });
    records = createDynamoRecordStore({ client: backend.client, tableName: names.reports });
    deps = { directory, records, platform: PLATFORM, retentionDays: 180 };
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

  it('records an ARF report attributed through the platform-signed tenant header', async () => {
    const original = deliver(platformMessage({ tenantId: 'acme' })).toString();
    const input = {
      submissionId: 'sub-arf',
      raw: arfReport(original),
      receivedAt: RECEIVED_AT,
      rawLocation: 'file:///raw/sub-arf.eml',
    };
    const outcome = await processSubmission(input, deps);
    expect(outcome.submission).toMatchObject({
      submissionId: 'sub-arf',
      status: 'processed',
      kind: 'arf',
      reporterTrust: 'automated-feed',
      reportIds: [reportIdFor('sub-arf', 0)],
      rawLocation: 'file:///raw/sub-arf.eml',
      expiresAt: Date.parse(RECEIVED_AT) / 1000 + 180 * 86_400,
    });
    expect(outcome.reports).toHaveLength(1);
    const report = outcome.reports[0];
    expect(report).toMatchObject({
      tenantId: 'acme',
      reporterTrust: 'automated-feed',
      receivedAt: RECEIVED_AT,
    });
    expect(report?.attribution).toMatchObject({
      outcome: 'attributed',
      confidence: 'proven',
      restrictCapable: true,
    });
    expect(await records.getSubmission('sub-arf')).toEqual(outcome.submission);
    expect(await records.getReport(reportIdFor('sub-arf', 0))).toEqual(report);
  });

  it('yields the same ids and no duplicate items when the same mail is processed twice', async () => {
    const original = deliver(platformMessage({ tenantId: 'acme', subject: 'twice' })).toString();
    const input = {
      submissionId: 'sub-twice',
      raw: arfReport(original),
      receivedAt: '2026-11-24T13:00:00.000Z',
      rawLocation: 'x',
    };
    const first = await processSubmission(input, deps);
    const second = await processSubmission(input, deps);
    expect(second).toEqual(first);
    const byFingerprint = await records.queryReports({
      index: { by: 'fingerprint', fingerprint: first.reports[0]?.fingerprint ?? '' },
    });
    expect(byFingerprint.items.filter((r) => r.submissionId === 'sub-twice')).toHaveLength(1);
    const submissions = await records.listSubmissions({ status: 'processed', limit: 500 });
    expect(submissions.items.filter((s) => s.submissionId === 'sub-twice')).toHaveLength(1);
  });

  it('drops reports an earlier run produced when reprocessing yields fewer', async () => {
    const original = deliver(platformMessage({ tenantId: 'acme', subject: 'shrinks' })).toString();
    const base = { submissionId: 'sub-shrinks', receivedAt: RECEIVED_AT, rawLocation: 'x' };
    const first = await processSubmission({ ...base, raw: arfReport(original) }, deps);
    expect(first.reports).toHaveLength(1);
    const again = await processSubmission({ ...base, raw: new TextEncoder().encode('not a report') }, deps);
    expect(again.submission.reportIds).toEqual([]);
    expect(await records.getReport(reportIdFor('sub-shrinks', 0))).toBeUndefined();
  });

  it('records garbage as an unusable submission with its reason and no reports', async () => {
    const input = {
      submissionId: 'sub-garbage',
      raw: new Uint8Array([0, 1, 2, 255, 254, 10, 13]),
      receivedAt: RECEIVED_AT,
      rawLocation: 'x',
    };
    const outcome = await processSubmission(input, deps);
    expect(outcome.reports).toEqual([]);
    expect(outcome.submission.status).toBe('unusable');
    expect(outcome.submission.reason?.code).toEqual(expect.any(String));
    const unusable = await records.listSubmissions({ status: 'unusable' });
    expect(unusable.items.map((s) => s.submissionId)).toContain('sub-garbage');
  });

  it('classes a reporter whose authentication came from a stranger as unauthenticated', async () => {
    const original = deliver(platformMessage({ tenantId: 'acme', subject: 'forged-auth' })).toString();
    const raw = arfReport(original, 'mx.attacker.example; dkim=pass header.d=feedback.example.net');
    const outcome = await processSubmission(
      { submissionId: 'sub-forged', raw, receivedAt: RECEIVED_AT, rawLocation: 'x' },
      deps,
    );
    expect(outcome.submission.reporterTrust).toBe('unauthenticated');
    expect(outcome.reports[0]?.reporterTrust).toBe('unauthenticated');
  });

  it('records foreign spam as unattributed, out of every tenant index', async () => {
    const foreign = deliver(
      platformMessage({ from: 'Spammer <x@spam.example>', sign: false, subject: 'foreign' }),
      '192.0.2.99',
    ).toString();
    const outcome = await processSubmission(
      { submissionId: 'sub-foreign', raw: arfReport(foreign), receivedAt: RECEIVED_AT, rawLocation: 'x' },
      deps,
    );
    expect(outcome.reports[0]?.attribution.outcome).toBe('unattributed');
    expect(outcome.reports[0]?.tenantId).toBeUndefined();
  });
});
