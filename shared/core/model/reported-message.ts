import type { FeedbackFields } from './feedback.ts';
import type { DkimSignatureField, HeaderField, MailAddress, ReceivedHop } from './message.ts';

/** How a reported message was recovered from its submission. */
export const RECOVERY_SOURCES = [
  'arf-message', // message/rfc822 part of an ARF report
  'arf-headers', // text/rfc822-headers part of an ARF report
  'attachment', // forwarded as message/rfc822 or an .eml attachment
  'inline-message', // message/rfc822 with Content-Disposition: inline
  'inline-quote', // quoted header block recovered from the text of an inline forward (low confidence)
  'xarf', // the evidence of an X-ARF report
  'whole-submission', // the submission is the original itself (e.g. JMRP variants)
] as const;
export type RecoverySource = (typeof RECOVERY_SOURCES)[number];

/** One message somebody reported, with everything attribution and analysts need. */
export interface ReportedMessage {
  /** Position within its submission, 0-based; stable for the same raw bytes. */
  readonly index: number;
  readonly source: RecoverySource;
  /** `low` for inline quotes and other reconstructions whose headers may be edited by the forwarder. */
  readonly confidence: 'high' | 'low';
  readonly feedback: FeedbackFields;
  /** Whether the body came with the headers; DKIM body hashes can only be checked on `full`. */
  readonly completeness: 'full' | 'headers-only';
  /** The header block exactly as it appeared (line ends normalised to CRLF). */
  readonly rawHeaders: string;
  readonly headers: readonly HeaderField[];
  /** The body exactly as it appeared (CRLF line ends) when `completeness` is `full`, capped by limits. */
  readonly rawBody?: Uint8Array;
  readonly messageId?: string;
  readonly from?: MailAddress;
  readonly returnPath?: MailAddress;
  /** RFC 2047-decoded. */
  readonly subject?: string;
  /** ISO 8601 UTC. */
  readonly date?: string;
  readonly dkimSignatures: readonly DkimSignatureField[];
  readonly received: readonly ReceivedHop[];
  /** RFC 9477 CFBL and Google's Feedback-ID, raw values. */
  readonly feedbackId?: string;
  readonly cfblFeedbackId?: string;
  /** X-ARF category/type when the report came as X-ARF. */
  readonly xarf?: { readonly version: string; readonly category?: string; readonly type?: string };
  /**
   * Hex SHA-256 identifying the same original across reporters (see parse/fingerprint.ts for the recipe).
   */
  readonly fingerprint: string;
}
