import { describe, expect, it } from 'vitest';
import {
  buildReportRecord,
  buildSubmissionRecord,
  expiryFor,
  MAX_RECORDED_HEADER_CHARS,
  type SubmissionArrival,
} from '../../../shared/core/intake/build-records.ts';
import { reportIdFor } from '../../../shared/core/intake/report-id.ts';
import type { Attribution } from '../../../shared/core/model/index.ts';
import { sampleMessage, sampleSubmission } from './sample-submission.ts';

const ARRIVAL: SubmissionArrival = {
  submissionId: 'sub-1',
  receivedAt: '2026-11-20T10:00:00.000Z',
  rawLocation: 'file:///data/raw/sub-1.eml',
  retentionDays: 180,
};

const ATTRIBUTED: Attribution = {
  outcome: 'attributed',
  tenantId: 'acme',
  confidence: 'proven',
  decidingSignal: 'tenant-header',
  restrictCapable: true,
  unregisteredDomainRelay: false,
  unregisteredDomains: [],
  signals: [],
  evidence: { dkimDomains: ['acme.example'], senderAddress: 'ceo@acme.example', sourceIp: '198.51.100.9' },
  explanation: 'proven by the tenant header',
};

const UNATTRIBUTED: Attribution = {
  outcome: 'unattributed',
  reason: 'not-our-mail',
  signals: [],
  evidence: { dkimDomains: [] },
  explanation: 'no platform signal',
};

describe('reportIdFor', () => {
  it('derives the same id from the same submission and index, and different ids otherwise', () => {
    expect(reportIdFor('sub-1', 0)).toBe(reportIdFor('sub-1', 0));
    expect(new Set([reportIdFor('a-1', 0), reportIdFor('a', 10), reportIdFor('a-10', 0)]).size).toBe(3);
  });

  it('refuses an index that is not a natural number', () => {
    expect(() => reportIdFor('s', -1)).toThrow(RangeError);
    expect(() => reportIdFor('s', 1.5)).toThrow(RangeError);
  });
});

describe('buildReportRecord', () => {
  it('records the tenant, the attribution evidence and the expiry from the received time', () => {
    const message = sampleMessage(3);
    const record = buildReportRecord(
      ARRIVAL,
      sampleSubmission('isp.example', []),
      'authenticated-human',
      message,
      ATTRIBUTED,
    );
    expect(record).toMatchObject({
      reportId: reportIdFor('sub-1', 3),
      submissionId: 'sub-1',
      index: 3,
      tenantId: 'acme',
      reporterTrust: 'authenticated-human',
      senderAddress: 'ceo@acme.example',
      senderDomain: 'acme.example',
      sourceIp: '198.51.100.9',
      from: 'news@acme.example',
      fingerprint: 'fingerprint-3',
      expiresAt: Date.parse('2026-11-20T10:00:00Z') / 1000 + 180 * 86_400,
    });
  });

  it('leaves the tenant out of an unattributed report and falls back to the feedback source IP', () => {
    const record = buildReportRecord(
      ARRIVAL,
      sampleSubmission('isp.example', []),
      'unauthenticated',
      sampleMessage(0),
      UNATTRIBUTED,
    );
    expect(record.tenantId).toBeUndefined();
    expect(record.sourceIp).toBe('192.0.2.44');
    expect(record.attribution).toBe(UNATTRIBUTED);
  });

  it('caps the recorded header block so the item fits DynamoDB', () => {
    const message = sampleMessage(0, { rawHeaders: `X-Long: ${'a'.repeat(200_000)}\r\n` });
    const record = buildReportRecord(
      ARRIVAL,
      sampleSubmission('isp.example', []),
      'unauthenticated',
      message,
      UNATTRIBUTED,
    );
    expect(record.rawHeaders).toHaveLength(MAX_RECORDED_HEADER_CHARS);
  });
});

describe('buildSubmissionRecord', () => {
  it('lists the report ids of a processed submission', () => {
    const submission = sampleSubmission('isp.example', []);
    const report = buildReportRecord(ARRIVAL, submission, 'unauthenticated', sampleMessage(0), UNATTRIBUTED);
    const record = buildSubmissionRecord(ARRIVAL, submission, 'unauthenticated', [report]);
    expect(record).toMatchObject({
      status: 'processed',
      kind: 'arf',
      reportIds: [report.reportId],
      size: 2048,
    });
    expect(record.reason).toBeUndefined();
  });

  it('records an unusable submission with its reason and no reports', () => {
    const reason = { code: 'dsn', message: 'a delivery status notification, not a report' };
    const submission = sampleSubmission('isp.example', [], {
      kind: 'unusable',
      messages: [],
      unusableReason: reason,
    });
    const record = buildSubmissionRecord(ARRIVAL, submission, 'unauthenticated', []);
    expect(record).toMatchObject({
      status: 'unusable',
      reason,
      reportIds: [],
      rawLocation: ARRIVAL.rawLocation,
    });
  });

  it('marks a parsed report without any reported message as unusable with a reason', () => {
    const record = buildSubmissionRecord(
      ARRIVAL,
      sampleSubmission('isp.example', [], { messages: [] }),
      'unauthenticated',
      [],
    );
    expect(record.status).toBe('unusable');
    expect(record.reason?.code).toBe('intake.no-reported-message');
  });

  it('caps the number of recorded deviations and says how many were left out', () => {
    const deviations = Array.from({ length: 150 }, (_, i) => ({ code: `x.${i}`, message: 'odd' }));
    const record = buildSubmissionRecord(
      ARRIVAL,
      sampleSubmission('isp.example', [], { deviations }),
      'unauthenticated',
      [],
    );
    expect(record.deviations).toHaveLength(101);
    expect(record.deviations.at(-1)?.code).toBe('intake.deviations-truncated');
  });
});

describe('expiryFor', () => {
  it('refuses a received time that is not ISO 8601', () => {
    expect(() => expiryFor('yesterday', 1)).toThrow(RangeError);
  });
});
