import type { ReportedMessage } from './reported-message.ts';

export const SUBMISSION_KINDS = ['arf', 'forward', 'xarf', 'unusable'] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];

/** A departure from RFC 5965/5322/2045 found while parsing; `code` is stable, e.g. `arf.version-missing`. */
export interface Deviation {
  readonly code: string;
  readonly message: string;
}

/** Why a submission yields no reported message; `code` is stable, e.g. `dsn`, `limit.size`. */
export interface UnusableReason {
  readonly code: string;
  readonly message: string;
}

/** Who sent the submission. */
export interface Reporter {
  /** SMTP MAIL FROM / Return-Path of the submission, lower-cased. */
  readonly envelopeFrom?: string;
  /** Address in the submission's From field, lower-cased. */
  readonly headerFrom?: string;
  /** Reporting domain: the From domain, else the envelope domain. */
  readonly domain?: string;
  /** Feedback-report User-Agent, or the submission's X-Mailer/User-Agent. */
  readonly userAgent?: string;
}

/** Verdicts the receiving side recorded about the submission itself (top-most, trusted hop only). */
export interface ReporterAuthentication {
  /** Authentication-Results fields (RFC 8601) added by our receiving side, raw. */
  readonly authenticationResults: readonly string[];
  readonly spf?: string;
  readonly dkim?: string;
  readonly dkimDomains: readonly string[];
  readonly dmarc?: string;
  /** Amazon SES receipt verdicts (`PASS`, `FAIL`, `GRAY`, `PROCESSING_FAILED`). */
  readonly sesSpamVerdict?: string;
  readonly sesVirusVerdict?: string;
}

/** One incoming mail at the reporting address and what it yields. */
export interface Submission {
  readonly kind: SubmissionKind;
  readonly reporter: Reporter;
  readonly authentication: ReporterAuthentication;
  readonly messages: readonly ReportedMessage[];
  readonly deviations: readonly Deviation[];
  /** Present exactly when `kind` is `unusable`. */
  readonly unusableReason?: UnusableReason;
  readonly subject?: string;
  readonly messageId?: string;
  /** ISO 8601 UTC of the submission's Date field. */
  readonly date?: string;
  /** Total bytes parsed. */
  readonly size: number;
}
