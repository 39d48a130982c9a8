/**
 * Report and submission records for the analyst API and dashboard tests: plain values shaped as intake writes
 * them, including a hostile message whose fields carry script, event handlers and javascript: URLs.
 */
import { createHash } from 'node:crypto';
import type {
  AttributionSignal,
  FeedbackType,
  ReporterTrust,
  ReportRecord,
  SubmissionRecord,
} from '../../shared/core/model/index.ts';
import { reportRecord as baseReportRecord } from '../support/report-records.ts';

/** Fields of a test report; everything else gets a plausible default. */
export interface ReportSpec {
  readonly id: string;
  readonly receivedAt: string;
  readonly tenantId?: string;
  readonly confidence?: 'proven' | 'strong' | 'weak';
  readonly feedbackType?: FeedbackType;
  readonly reporterDomain?: string;
  readonly reporterTrust?: ReporterTrust;
  readonly senderAddress?: string;
  readonly sourceIp?: string;
  readonly subject?: string;
  readonly from?: string;
  readonly messageId?: string;
  readonly unregisteredDomains?: readonly string[];
  readonly rawHeaders?: string;
}

const EXPIRES_AT = 4_102_444_800; // 2100-01-01: far beyond any test

function signals(spec: ReportSpec, senderDomain: string): AttributionSignal[] {
  if (!spec.tenantId) {
    return [
      { kind: 'from-domain', value: senderDomain, verdict: 'no-match', detail: 'No tenant has this domain.' },
    ];
  }
  return [
    {
      kind: 'tenant-header',
      value: spec.tenantId,
      verdict: spec.confidence === 'weak' ? 'untrusted' : 'proof',
      tenantId: spec.tenantId,
      detail: 'X-Tenant-Id covered by a valid platform DKIM signature.',
    },
    {
      kind: 'from-domain',
      value: senderDomain,
      verdict: 'supports',
      tenantId: spec.tenantId,
      detail: 'The From domain is an accepted domain of the tenant.',
    },
  ];
}

/** A report record as intake would write it (test/support/report-records.ts plus the fields analysts see). */
export function reportRecord(spec: ReportSpec): ReportRecord {
  const senderAddress = spec.senderAddress ?? 'newsletter@acme.example';
  const senderDomain = senderAddress.split('@')[1] ?? '';
  const messageId = spec.messageId ?? `${spec.id}@mail.${senderDomain}`;
  const reporterDomain = spec.reporterDomain ?? 'feedback.isp.example';
  const subject = spec.subject ?? 'Spring sale';
  const from = spec.from ?? senderAddress;
  const base = baseReportRecord({
    id: `${spec.id}-0`,
    receivedAt: spec.receivedAt,
    reporter: `fbl@${reporterDomain}`,
    trust: spec.reporterTrust ?? 'automated-feed',
    feedbackType: spec.feedbackType ?? 'abuse',
    fingerprint: createHash('sha256').update(messageId).digest('hex'),
    senderAddress,
    senderDomain,
    ...(spec.tenantId ? { tenantId: spec.tenantId } : { unattributed: true }),
    ...(spec.confidence ? { confidence: spec.confidence } : {}),
    ...(spec.unregisteredDomains ? { unregisteredDomains: spec.unregisteredDomains } : {}),
    ...(spec.sourceIp ? { sourceIp: spec.sourceIp } : {}),
  });
  return {
    ...base,
    submissionId: spec.id,
    attribution: { ...base.attribution, signals: signals(spec, senderDomain) },
    feedback: {
      ...base.feedback,
      userAgent: 'TestFeed/1.0',
      ...(spec.sourceIp ? { sourceIp: spec.sourceIp } : {}),
    },
    messageId,
    subject,
    from,
    rawHeaders: spec.rawHeaders ?? `From: ${from}\r\nSubject: ${subject}\r\nMessage-ID: <${messageId}>\r\n`,
    expiresAt: EXPIRES_AT,
  };
}

/** The submission that carried a report (or an unusable one, with its reason). */
export function submissionRecord(
  report: ReportRecord | { id: string; receivedAt: string; reason: { code: string; message: string } },
): SubmissionRecord {
  if ('reason' in report) {
    return {
      submissionId: report.id,
      receivedAt: report.receivedAt,
      reporter: { domain: 'autoreply.example' },
      reporterTrust: 'unauthenticated',
      kind: 'unusable',
      status: 'unusable',
      reason: report.reason,
      deviations: [],
      reportIds: [],
      rawLocation: `file:///raw/${report.id}.eml`,
      subject: 'Out of office',
      size: 512,
      expiresAt: EXPIRES_AT,
    };
  }
  return {
    submissionId: report.submissionId,
    receivedAt: report.receivedAt,
    reporter: report.reporter,
    reporterTrust: report.reporterTrust,
    kind: 'arf',
    status: 'processed',
    deviations: [],
    reportIds: [report.reportId],
    rawLocation: `file:///raw/${report.submissionId}.eml`,
    subject: 'Abuse report',
    size: 2048,
    expiresAt: EXPIRES_AT,
  };
}

/** Subject, From and body of the hostile reported message: script, event handlers, javascript: and remote images. */
export const HOSTILE = {
  subject: '<script>alert("subject")</script><img src=x onerror=alert(1)>',
  from: '"<img src=x onerror=alert(2)>" <mallory@initech.example>',
  body:
    '<html><body><script>alert(3)</script>' +
    '<a href="javascript:alert(4)">click</a> <img src="http://198.51.100.77/pixel.png" onerror="alert(5)">' +
    '<iframe src="javascript:alert(6)"></iframe></body></html>',
} as const;

/** The raw mail of the hostile submission, an ARF report carrying the hostile original. */
export function hostileRawMail(messageId: string): string {
  return [
    'From: fbl@feedback.isp.example',
    'To: junk@platform.example',
    'Subject: Abuse report',
    'Content-Type: text/html; charset=utf-8',
    '',
    `From: ${HOSTILE.from}`,
    `Subject: ${HOSTILE.subject}`,
    `Message-ID: <${messageId}>`,
    '',
    HOSTILE.body,
    '',
  ].join('\r\n');
}
