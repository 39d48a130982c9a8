import { Buffer } from 'node:buffer';
import type { ReportedMessage, Reporter, Submission } from '../model/index.ts';
import { parseAddress } from './address.ts';
import { reporterAuthentication } from './authentication-results.ts';
import { classifyJson, classifyMail } from './classify-submission.ts';
import { decodeEncodedWords } from './encoded-words.ts';
import { headerValue } from './header-block.ts';
import { ParseLimitError, type ParseLimits, resolveLimits } from './limits.ts';
import { hasBareLineEnds, toCrlf } from './line-ends.ts';
import { parseMailDate } from './mail-date.ts';
import { readEntity } from './mime-entity.ts';
import { ParseContext } from './parse-context.ts';
import { completeMessage } from './reported-message.ts';
import { NO_AUTHENTICATION, type Shape, type SubmissionFacts, unusable } from './submission-shape.ts';

const BOM = [0xef, 0xbb, 0xbf];

/** Skips what precedes the first header: a UTF-8 BOM, an mbox `From ` line, whitespace-only lines. */
function skipPreamble(bytes: Uint8Array, ctx: ParseContext): number {
  let pos = 0;
  if (bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2]) {
    ctx.deviate('mail.bom', 'a UTF-8 byte order mark precedes the first header');
    pos = 3;
  }
  // mbox framing (RFC 4155): "From " sender date, no colon after the name.
  if (
    Buffer.from(bytes.buffer, bytes.byteOffset + pos, Math.min(5, bytes.length - pos)).toString('latin1') ===
    'From '
  ) {
    const lineEnd = bytes.indexOf(0x0a, pos);
    ctx.deviate('mail.mbox-from-line', 'an mbox "From " line precedes the headers');
    pos = lineEnd < 0 ? bytes.length : lineEnd + 1;
  }
  let lineStart = pos;
  for (let i = pos; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === 0x0a || byte === 0x0d) lineStart = i + 1;
    else if (byte !== 0x20 && byte !== 0x09) {
      if (lineStart > pos)
        ctx.deviate('mime.leading-blank-line', 'whitespace-only lines precede the first header field');
      return lineStart;
    }
  }
  return bytes.length;
}

function readFacts(headers: SubmissionFacts['headers']): SubmissionFacts {
  const reporter: { -readonly [K in keyof Reporter]: Reporter[K] } = {};
  const envelope = parseAddress(headerValue(headers, 'return-path') ?? '');
  if (envelope?.address) reporter.envelopeFrom = envelope.address;
  const from = parseAddress(headerValue(headers, 'from') ?? '');
  if (from?.address) reporter.headerFrom = from.address;
  const domain = from?.domain ?? envelope?.domain;
  if (domain) reporter.domain = domain;
  const agent = headerValue(headers, 'user-agent') ?? headerValue(headers, 'x-mailer');
  if (agent) reporter.userAgent = agent;
  const facts: SubmissionFacts = { reporter, authentication: reporterAuthentication(headers), headers };
  const subject = headerValue(headers, 'subject');
  if (subject !== undefined) facts.subject = decodeEncodedWords(subject);
  const messageId = headerValue(headers, 'message-id')?.trim();
  if (messageId) facts.messageId = messageId;
  const date = parseMailDate(headerValue(headers, 'date'));
  if (date) facts.date = date;
  return facts;
}

function classify(raw: Uint8Array, ctx: ParseContext, facts: { current?: SubmissionFacts }): Shape {
  if (raw.length > ctx.limits.maxBytes) {
    return unusable('limit.size', `${raw.length} bytes exceed the ${ctx.limits.maxBytes}-byte limit`);
  }
  const start = skipPreamble(raw, ctx);
  if (start >= raw.length) return unusable('empty', 'the submission has no content');
  const bytes = raw.subarray(start);
  if (bytes[0] === 0x7b || bytes[0] === 0x5b) {
    const json = classifyJson(bytes, ctx);
    if (json) {
      facts.current = json.facts;
      return json.shape;
    }
  }
  const bare = hasBareLineEnds(bytes);
  if (bare)
    ctx.deviate('mail.bare-line-ends', 'line ends are LF or CR alone, not CRLF (RFC 5322 §2.1); normalised');
  const buf = toCrlf(bytes, bare);
  const top = readEntity(buf, 0, buf.length, 0, ctx);
  if (top.headers.length === 0)
    return unusable('not-mail', 'the submission has no header fields: not a mail');
  facts.current = readFacts(top.headers);
  return classifyMail(top, facts.current, ctx);
}

function toMessages(shape: Shape, ctx: ParseContext): ReportedMessage[] {
  if (shape.kind === 'unusable') return [];
  if (shape.messages.length > ctx.limits.maxReportedMessages) {
    throw new ParseLimitError(
      'reported-messages',
      `${shape.messages.length} reported messages exceed the limit of ${ctx.limits.maxReportedMessages}`,
    );
  }
  return shape.messages.map((message, index) => completeMessage(message, index));
}

/**
 * Parses one incoming mail at the reporting address into a Submission (DESIGN §2). Pure and synchronous;
 * never throws: bad input, exceeded limits and even parser bugs yield kind `unusable` with a reason.
 */
export function parseSubmission(raw: Uint8Array, limits?: Partial<ParseLimits>): Submission {
  const ctx = new ParseContext(resolveLimits(limits));
  const facts: { current?: SubmissionFacts } = {};
  let shape: Shape;
  let messages: ReportedMessage[] = [];
  try {
    shape = classify(raw, ctx, facts);
    messages = toMessages(shape, ctx);
  } catch (error) {
    shape =
      error instanceof ParseLimitError
        ? unusable(`limit.${error.limit}`, error.message)
        : unusable('internal', `parser error: ${error instanceof Error ? error.message : String(error)}`);
    messages = [];
  }
  const known = facts.current;
  const reporter = { ...(known?.reporter ?? {}) };
  const agent = messages.find((message) => message.feedback.userAgent)?.feedback.userAgent;
  if (agent) reporter.userAgent = agent;
  const submission: { -readonly [K in keyof Submission]: Submission[K] } = {
    kind: shape.kind,
    reporter,
    authentication: known?.authentication ?? NO_AUTHENTICATION,
    messages,
    deviations: ctx.deviations(),
    size: raw.length,
  };
  if (shape.kind === 'unusable') submission.unusableReason = shape.reason;
  if (known?.subject !== undefined) submission.subject = known.subject;
  if (known?.messageId) submission.messageId = known.messageId;
  if (known?.date) submission.date = known.date;
  return submission;
}
