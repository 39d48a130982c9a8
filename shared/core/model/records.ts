import type { Attribution } from './attribution.ts';
import type { FeedbackFields } from './feedback.ts';
import type { Deviation, Reporter, SubmissionKind, UnusableReason } from './submission.ts';

/** How much a reporter is trusted (DESIGN §4): authenticated feeds over authenticated people over the rest. */
export const REPORTER_TRUST = ['automated-feed', 'authenticated-human', 'unauthenticated'] as const;
export type ReporterTrust = (typeof REPORTER_TRUST)[number];

export const SUBMISSION_STATUSES = ['processed', 'unusable'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** One incoming mail as recorded; its id comes from the intake (SES message id, local blob id). */
export interface SubmissionRecord {
  readonly submissionId: string;
  /** ISO 8601 UTC when our side received the mail (SES timestamp / SMTP 250 time). */
  readonly receivedAt: string;
  readonly reporter: Reporter;
  readonly reporterTrust: ReporterTrust;
  readonly kind: SubmissionKind;
  readonly status: SubmissionStatus;
  readonly reason?: UnusableReason;
  readonly deviations: readonly Deviation[];
  readonly reportIds: readonly string[];
  /** Where the raw mail lives: `s3://bucket/key` or `file:///…/raw/<id>.eml`. */
  readonly rawLocation: string;
  readonly subject?: string;
  readonly size: number;
  /** Epoch seconds, for DynamoDB TTL. */
  readonly expiresAt: number;
}

/** One reported message as recorded, with its attribution. */
export interface ReportRecord {
  /** Derived from submissionId and index, so reprocessing yields the same id. */
  readonly reportId: string;
  readonly submissionId: string;
  readonly index: number;
  readonly receivedAt: string;
  readonly reporter: Reporter;
  readonly reporterTrust: ReporterTrust;
  readonly feedback: FeedbackFields;
  readonly attribution: Attribution;
  /** Tenant id when attributed. */
  readonly tenantId?: string;
  readonly fingerprint: string;
  readonly messageId?: string;
  readonly subject?: string;
  readonly from?: string;
  readonly senderAddress?: string;
  readonly senderDomain?: string;
  readonly sourceIp?: string;
  readonly completeness: 'full' | 'headers-only';
  readonly confidence: 'high' | 'low';
  /** The reported message's header block, for analysts. */
  readonly rawHeaders: string;
  readonly expiresAt: number;
}
