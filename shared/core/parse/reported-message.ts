import type { Buffer } from 'node:buffer';
import type { FeedbackFields, HeaderField, RecoverySource, ReportedMessage } from '../model/index.ts';
import { parseAddress } from './address.ts';
import { parseDkimSignature } from './dkim-signature.ts';
import { decodeEncodedWords } from './encoded-words.ts';
import { fingerprintMessage } from './fingerprint.ts';
import { headerValue, readHeaderBlock } from './header-block.ts';
import { isNonPublicIp } from './ip-address.ts';
import { stringToCrlf } from './line-ends.ts';
import { parseMailDate } from './mail-date.ts';
import { type MimeEntity, readEntity } from './mime-entity.ts';
import type { ParseContext } from './parse-context.ts';
import { parseReceived } from './received.ts';

/** A recovered original before it gets its index and derived fields. */
export interface RecoveredMessage {
  readonly source: RecoverySource;
  readonly confidence: 'high' | 'low';
  readonly feedback: FeedbackFields;
  readonly headerText: string;
  readonly headers: readonly HeaderField[];
  /** CRLF body bytes when the whole message was available. */
  readonly body?: Uint8Array;
  readonly xarf?: ReportedMessage['xarf'];
}

/** Reads a whole enclosed message (CRLF bytes): header block parsed, body kept as a view of the bytes. */
export function recoverFromBytes(
  bytes: Buffer,
  depth: number,
  ctx: ParseContext,
  base: Omit<RecoveredMessage, 'headerText' | 'headers' | 'body'>,
): RecoveredMessage {
  return recoverFromEntity(readEntity(bytes, 0, bytes.length, depth, ctx), base);
}

/** A recovered message from an entity read already; `full` only when an empty line ended its headers. */
export function recoverFromEntity(
  entity: MimeEntity,
  base: Omit<RecoveredMessage, 'headerText' | 'headers' | 'body'>,
): RecoveredMessage {
  const recovered: RecoveredMessage = { ...base, headerText: entity.headerText, headers: entity.headers };
  return entity.hasSeparator
    ? { ...recovered, body: entity.buf.subarray(entity.bodyStart, entity.end) }
    : recovered;
}

/** Reads a header block given as text (text/rfc822-headers, inline quotes, .msg transport headers). */
export function recoverFromHeaderText(
  text: string,
  ctx: ParseContext,
  base: Omit<RecoveredMessage, 'headerText' | 'headers' | 'body'>,
): RecoveredMessage {
  const headerText = stringToCrlf(text.replace(/^(?:[ \t]*\r?\n)+/, '').replace(/(?:\r?\n)+\s*$/, ''));
  return { ...base, headerText, headers: readHeaderBlock(headerText, ctx.limits).fields };
}

/** The client IP of the first hop (top-most) that recorded a public one, else of the first that recorded any. */
function deriveSourceIp(hops: ReportedMessage['received']): string | undefined {
  const withIp = hops.filter((hop) => hop.clientIp !== undefined);
  return (withIp.find((hop) => !isNonPublicIp(hop.clientIp!)) ?? withIp[0])?.clientIp;
}

/**
 * Completes a recovered original into a ReportedMessage: header-derived fields, Received hops, DKIM tags,
 * Feedback-IDs, the fingerprint, and Source-IP/Arrival-Date derived from the headers when the feedback
 * lacked them (named in `feedback.derived`).
 */
export function completeMessage(recovered: RecoveredMessage, index: number): ReportedMessage {
  const { headers } = recovered;
  const received = [];
  const dkimSignatures = [];
  let hop = 0;
  for (let i = 0; i < headers.length; i++) {
    const field = headers[i]!;
    const lower = field.name.toLowerCase();
    if (lower === 'received') received.push(parseReceived(field.value, hop++, field.raw));
    else if (lower === 'dkim-signature') dkimSignatures.push(parseDkimSignature(field, i));
  }
  let feedback = recovered.feedback;
  const derived = [...feedback.derived];
  if (!feedback.sourceIp) {
    const ip = deriveSourceIp(received);
    if (ip) {
      feedback = { ...feedback, sourceIp: ip };
      derived.push('source-ip');
    }
  }
  const authored = parseMailDate(authoredDateText(headers, recovered.source));
  if (!feedback.arrivalDate) {
    const date = received[0]?.time ?? authored;
    if (date) {
      feedback = { ...feedback, arrivalDate: date };
      derived.push('arrival-date');
    }
  }
  feedback = { ...feedback, derived };
  const message: { -readonly [K in keyof ReportedMessage]: ReportedMessage[K] } = {
    index,
    source: recovered.source,
    confidence: recovered.confidence,
    feedback,
    completeness: recovered.body ? 'full' : 'headers-only',
    rawHeaders: recovered.headerText,
    headers,
    dkimSignatures,
    received,
    fingerprint: fingerprintMessage(headers, feedback),
  };
  if (recovered.body) message.rawBody = recovered.body;
  const messageId = headerValue(headers, 'message-id')?.trim();
  if (messageId) message.messageId = messageId;
  const from = parseAddress(headerValue(headers, 'from') ?? '');
  if (from) message.from = from;
  const returnPath = parseAddress(headerValue(headers, 'return-path') ?? '');
  if (returnPath) message.returnPath = returnPath;
  const subject = headerValue(headers, 'subject');
  if (subject !== undefined) message.subject = decodeEncodedWords(subject);
  if (authored) message.date = authored;
  const feedbackId = headerValue(headers, 'feedback-id');
  if (feedbackId) message.feedbackId = feedbackId;
  const cfbl = headerValue(headers, 'cfbl-feedback-id');
  if (cfbl) message.cfblFeedbackId = cfbl;
  if (recovered.xarf) message.xarf = recovered.xarf;
  return message;
}

/**
 * The Date field, or for an inline quote Outlook's `Sent:` line, which stands in its place ("Sent: Tuesday,
 * March 5, 2024 10:00 AM"): the forwarder's local time without a zone, read as UTC like any zoneless date.
 */
function authoredDateText(headers: readonly HeaderField[], source: RecoverySource): string | undefined {
  const date = headerValue(headers, 'date');
  return date === undefined && source === 'inline-quote' ? headerValue(headers, 'sent') : date;
}
