/**
 * Feedback types of RFC 5965 §7.3 (and the IANA registry), plus what forwards imply.
 * Unknown values from real feeds are kept verbatim (lower-cased) as `other:<value>` is not used:
 * the raw value stays in `FeedbackFields.feedbackTypeRaw`, the normalised one here.
 */
export const FEEDBACK_TYPES = [
  'abuse',
  'fraud',
  'virus',
  'other',
  'not-spam',
  'auth-failure',
  'opt-out',
] as const;
export type FeedbackType = (typeof FEEDBACK_TYPES)[number];

/** The fields of a `message/feedback-report` part (RFC 5965 §3.1–3.3, RFC 6591 §3.1), normalised. */
export interface FeedbackFields {
  readonly feedbackType: FeedbackType;
  /** The Feedback-Type value as written, when it was not one of FEEDBACK_TYPES or was absent ('' then). */
  readonly feedbackTypeRaw: string;
  readonly userAgent?: string;
  readonly version?: string;
  /** ISO 8601 UTC. */
  readonly arrivalDate?: string;
  readonly sourceIp?: string;
  readonly originalMailFrom?: string;
  /** All Original-Rcpt-To values, repeats allowed (RFC 5965 §3.2). */
  readonly originalRcptTo: readonly string[];
  readonly reportedDomain: readonly string[];
  readonly reportedUri: readonly string[];
  readonly incidents?: number;
  readonly authenticationResults: readonly string[];
  readonly removalRecipient: readonly string[];
  /** RFC 6591 auth-failure fields where present. */
  readonly authFailure?: string;
  readonly deliveryResult?: string;
  readonly dkimDomain?: string;
  readonly dkimIdentity?: string;
  readonly dkimSelector?: string;
  readonly spfDns?: string;
  /**
   * Names (lower-case, e.g. `source-ip`, `arrival-date`, `feedback-type`) of fields that were not in a
   * feedback part but derived: from the original's headers, or implied by the shape (a forward is `abuse`).
   */
  readonly derived: readonly string[];
  /** Any other fields of the feedback part, lower-cased names, values in order. */
  readonly extra: Readonly<Record<string, readonly string[]>>;
}
