import type { ReportRecord, SubmissionRecord } from '../core/model/index.ts';

/** The fields of a report shown in lists and exports (no header block, which can be large). */
export interface ReportSummary {
  readonly reportId: string;
  readonly submissionId: string;
  readonly receivedAt: string;
  readonly tenantId: string | null;
  readonly attribution: 'attributed' | 'unattributed';
  readonly confidence: string | null;
  readonly decidingSignal: string | null;
  readonly unregisteredDomainRelay: boolean;
  readonly feedbackType: string;
  readonly reporter: string | null;
  readonly reporterTrust: string;
  readonly messageId: string | null;
  readonly subject: string | null;
  readonly from: string | null;
  readonly senderAddress: string | null;
  readonly senderDomain: string | null;
  readonly sourceIp: string | null;
  readonly fingerprint: string;
  readonly completeness: string;
}

/** A report as one row of a list or an export. */
export function summarizeReport(report: ReportRecord): ReportSummary {
  const attribution = report.attribution;
  const attributed = attribution.outcome === 'attributed' ? attribution : undefined;
  return {
    reportId: report.reportId,
    submissionId: report.submissionId,
    receivedAt: report.receivedAt,
    tenantId: report.tenantId ?? null,
    attribution: attribution.outcome,
    confidence: attributed?.confidence ?? null,
    decidingSignal: attributed?.decidingSignal ?? null,
    unregisteredDomainRelay: attributed?.unregisteredDomainRelay ?? false,
    feedbackType: report.feedback.feedbackType,
    reporter: report.reporter.domain ?? null,
    reporterTrust: report.reporterTrust,
    messageId: report.messageId ?? null,
    subject: report.subject ?? null,
    from: report.from ?? null,
    senderAddress: report.senderAddress ?? null,
    senderDomain: report.senderDomain ?? null,
    sourceIp: report.sourceIp ?? null,
    fingerprint: report.fingerprint,
    completeness: report.completeness,
  };
}

/** The columns of a report export, in order. */
export const REPORT_EXPORT_COLUMNS: readonly (keyof ReportSummary)[] = [
  'reportId',
  'submissionId',
  'receivedAt',
  'tenantId',
  'attribution',
  'confidence',
  'decidingSignal',
  'unregisteredDomainRelay',
  'feedbackType',
  'reporter',
  'reporterTrust',
  'messageId',
  'subject',
  'from',
  'senderAddress',
  'senderDomain',
  'sourceIp',
  'fingerprint',
  'completeness',
];

/** A submission as one row of a list (without raw location, which names storage internals). */
export function summarizeSubmission(submission: SubmissionRecord) {
  return {
    submissionId: submission.submissionId,
    receivedAt: submission.receivedAt,
    kind: submission.kind,
    status: submission.status,
    reason: submission.reason ?? null,
    reporter: submission.reporter.domain ?? null,
    reporterTrust: submission.reporterTrust,
    subject: submission.subject ?? null,
    size: submission.size,
    reportIds: submission.reportIds,
    deviations: submission.deviations,
  };
}
