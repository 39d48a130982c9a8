/**
 * Turns a parsed submission and the attribution of each reported message into the records the store keeps.
 * Pure and deterministic: the same inputs give the same records, ids included (idempotent intake).
 */
import type {
  Attribution,
  Deviation,
  ReportedMessage,
  ReporterTrust,
  ReportRecord,
  Submission,
  SubmissionRecord,
  UnusableReason,
} from '../model/index.ts';
import { fitRecordSize } from './fit-record-size.ts';
import { reportIdFor } from './report-id.ts';

const SECONDS_PER_DAY = 86_400;
/** A report item must fit DynamoDB's 400 KB; the full header block stays in the raw mail. */
export const MAX_RECORDED_HEADER_CHARS = 64 * 1024;
/** Hostile mail can yield a deviation per header field; analysts need the first ones, not thousands. */
export const MAX_RECORDED_DEVIATIONS = 100;

/** Where and when the submission arrived, as the intake knows it. */
export interface SubmissionArrival {
  readonly submissionId: string;
  readonly receivedAt: string;
  readonly rawLocation: string;
  readonly retentionDays: number;
}

/** Reason recorded when a submission that parsed as a report yields no reported message. */
const NO_REPORTED_MESSAGE: UnusableReason = {
  code: 'intake.no-reported-message',
  message: 'the submission parsed but contained no reported message',
};

/** Epoch seconds at which records of a submission received at `receivedAt` expire (DynamoDB TTL). */
export function expiryFor(receivedAt: string, retentionDays: number): number {
  const received = Date.parse(receivedAt);
  if (Number.isNaN(received)) throw new RangeError(`receivedAt ${receivedAt} is not an ISO 8601 time`);
  return Math.floor(received / 1000) + Math.round(retentionDays * SECONDS_PER_DAY);
}

function cappedDeviations(deviations: readonly Deviation[]): readonly Deviation[] {
  if (deviations.length <= MAX_RECORDED_DEVIATIONS) return deviations;
  return [
    ...deviations.slice(0, MAX_RECORDED_DEVIATIONS),
    {
      code: 'intake.deviations-truncated',
      message: `${deviations.length - MAX_RECORDED_DEVIATIONS} more deviations are not recorded`,
    },
  ];
}

/** The report record of one reported message. */
export function buildReportRecord(
  arrival: SubmissionArrival,
  submission: Submission,
  reporterTrust: ReporterTrust,
  message: ReportedMessage,
  attribution: Attribution,
): ReportRecord {
  const evidence = attribution.evidence;
  const senderAddress = evidence.senderAddress ?? message.from?.address;
  const senderDomain = evidence.senderDomain ?? message.from?.domain;
  const sourceIp = evidence.sourceIp ?? message.feedback.sourceIp;
  const optional = {
    ...(attribution.outcome === 'attributed' ? { tenantId: attribution.tenantId } : {}),
    ...(message.messageId !== undefined ? { messageId: message.messageId } : {}),
    ...(message.subject !== undefined ? { subject: message.subject } : {}),
    ...(message.from?.address ? { from: message.from.address } : {}),
    ...(senderAddress ? { senderAddress } : {}),
    ...(senderDomain ? { senderDomain } : {}),
    ...(sourceIp ? { sourceIp } : {}),
  };
  return fitRecordSize({
    reportId: reportIdFor(arrival.submissionId, message.index),
    submissionId: arrival.submissionId,
    index: message.index,
    receivedAt: arrival.receivedAt,
    reporter: submission.reporter,
    reporterTrust,
    feedback: message.feedback,
    attribution,
    fingerprint: message.fingerprint,
    completeness: message.completeness,
    confidence: message.confidence,
    rawHeaders: message.rawHeaders.slice(0, MAX_RECORDED_HEADER_CHARS),
    expiresAt: expiryFor(arrival.receivedAt, arrival.retentionDays),
    ...optional,
  });
}

/** The submission record, `unusable` with its reason when nothing was reported. */
export function buildSubmissionRecord(
  arrival: SubmissionArrival,
  submission: Submission,
  reporterTrust: ReporterTrust,
  reports: readonly ReportRecord[],
): SubmissionRecord {
  const usable = submission.kind !== 'unusable' && reports.length > 0;
  const reason = submission.unusableReason ?? (usable ? undefined : NO_REPORTED_MESSAGE);
  return fitRecordSize({
    submissionId: arrival.submissionId,
    receivedAt: arrival.receivedAt,
    reporter: submission.reporter,
    reporterTrust,
    kind: submission.kind,
    status: usable ? 'processed' : 'unusable',
    ...(reason !== undefined && !usable ? { reason } : {}),
    deviations: cappedDeviations(submission.deviations),
    reportIds: reports.map((r) => r.reportId),
    rawLocation: arrival.rawLocation,
    ...(submission.subject !== undefined ? { subject: submission.subject } : {}),
    size: submission.size,
    expiresAt: expiryFor(arrival.receivedAt, arrival.retentionDays),
  });
}
