/** Plain record values for the DynamoDB contract suites. */
import type { ReportRecord, SubmissionRecord, Tenant } from '../../../shared/core/model/index.ts';

const NOW = '2026-11-20T10:00:00.000Z';

/** A tenant with the given id and overrides. */
export function sampleTenant(tenantId: string, overrides: Partial<Tenant> = {}): Tenant {
  return {
    tenantId,
    name: `Tenant ${tenantId}`,
    acceptedDomains: [],
    dedicatedIps: [],
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  };
}

/** An attributed abuse report; `overrides` set the indexed fields a test queries by. */
export function sampleReport(reportId: string, overrides: Partial<ReportRecord> = {}): ReportRecord {
  const tenantId = overrides.tenantId ?? 'acme';
  return {
    reportId,
    submissionId: `sub-${reportId}`,
    index: 0,
    receivedAt: NOW,
    reporter: { headerFrom: 'fbl@feedback.example.net', domain: 'feedback.example.net' },
    reporterTrust: 'automated-feed',
    feedback: {
      feedbackType: 'abuse',
      feedbackTypeRaw: 'abuse',
      originalRcptTo: [],
      reportedDomain: [],
      reportedUri: [],
      authenticationResults: [],
      removalRecipient: [],
      derived: [],
      extra: {},
    },
    attribution: {
      outcome: 'attributed',
      tenantId,
      confidence: 'proven',
      decidingSignal: 'tenant-header',
      restrictCapable: true,
      unregisteredDomainRelay: false,
      unregisteredDomains: [],
      signals: [],
      evidence: { dkimDomains: [] },
      explanation: 'test',
    },
    tenantId,
    fingerprint: `fp-${reportId}`,
    senderAddress: 'news@acme.example',
    senderDomain: 'acme.example',
    sourceIp: '192.0.2.10',
    completeness: 'full',
    confidence: 'high',
    rawHeaders: 'From: news@acme.example\r\n',
    expiresAt: 1_800_000_000,
    ...overrides,
  };
}

/** A processed submission with the given id and overrides. */
export function sampleSubmission(
  submissionId: string,
  overrides: Partial<SubmissionRecord> = {},
): SubmissionRecord {
  return {
    submissionId,
    receivedAt: NOW,
    reporter: { domain: 'feedback.example.net' },
    reporterTrust: 'automated-feed',
    kind: 'arf',
    status: 'processed',
    deviations: [],
    reportIds: [],
    rawLocation: `file:///tmp/raw/${submissionId}.eml`,
    size: 1234,
    expiresAt: 1_800_000_000,
    ...overrides,
  };
}
