/** One header field of a message, in the order it appeared (RFC 5322 §2.2). */
export interface HeaderField {
  /** Field name as written (case preserved). Compare with `name.toLowerCase()`. */
  readonly name: string;
  /** Unfolded value (RFC 5322 §2.2.3), leading whitespace trimmed, not MIME-decoded. */
  readonly value: string;
  /** The field exactly as it appeared, folding included, without the final line break. */
  readonly raw: string;
}

/** A mailbox parsed from From/Return-Path/Original-Mail-From. */
export interface MailAddress {
  /** Lower-cased addr-spec, e.g. `bob@example.com`; empty for the null reverse-path `<>`. */
  readonly address: string;
  /** Lower-cased domain part, without a trailing dot. */
  readonly domain?: string;
  /** Display name, MIME-decoded (RFC 2047). */
  readonly name?: string;
}

/** One `Received` hop (RFC 5321 §4.4), newest first as they appear in the header block. */
export interface ReceivedHop {
  /** Position of this hop among Received fields, 0 = topmost (added last). */
  readonly index: number;
  readonly raw: string;
  /** Host name the sender announced (HELO/EHLO) after `from`. */
  readonly from?: string;
  /** Host name inside the parenthesised TCP-info, when present (`from x (rdns [ip])`). */
  readonly fromReverseDns?: string;
  /** Connecting client IP recorded by the receiving host (IPv4 dotted or IPv6 canonical lower-case). */
  readonly clientIp?: string;
  /** Receiving host named after `by`. */
  readonly by?: string;
  /** Protocol after `with` (SMTP, ESMTPS, ESMTPSA, …). */
  readonly with?: string;
  readonly id?: string;
  readonly for?: string;
  /** The hop's date as ISO 8601 UTC, when it parsed. */
  readonly time?: string;
}

/** A `DKIM-Signature` header field, parsed into its tags (RFC 6376 §3.5). */
export interface DkimSignatureField {
  /** Position of the field within the message's header block (index into `headers`). */
  readonly headerIndex: number;
  readonly raw: string;
  /** Signing domain, lower-cased. */
  readonly d?: string;
  readonly s?: string;
  /** Signed header names, lower-cased, in order, repeats kept (oversigning). */
  readonly h: readonly string[];
  readonly a?: string;
  readonly c?: string;
  readonly i?: string;
  readonly bh?: string;
  readonly l?: number;
  /** Signature timestamp and expiration, seconds since the epoch (RFC 6376 §3.5 t=, x=). */
  readonly t?: number;
  readonly x?: number;
}
