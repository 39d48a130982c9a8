import { Buffer } from 'node:buffer';
import type { FeedbackFields } from '../model/index.ts';
import { extractArf, findFeedbackPart } from './arf.ts';
import { entityText } from './entity-text.ts';
import { impliedFeedback } from './feedback-report.ts';
import { toCrlf } from './line-ends.ts';
import { HEADER_TYPES, MESSAGE_TYPES } from './media-types.ts';
import { entityFileName, type MimeEntity, readEntity } from './mime-entity.ts';
import { leafEntities } from './mime-tree.ts';
import { readOutlookMsg } from './outlook-msg.ts';
import type { ParseContext } from './parse-context.ts';
import { type RecoveredMessage, recoverFromEntity, recoverFromHeaderText } from './reported-message.ts';
import { decodedBody, decodedPrefix, messageBytes } from './transfer-encoding.ts';

const OUTLOOK_TYPES = new Set(['application/vnd.ms-outlook', 'application/x-msg', 'application/ms-outlook']);
/** How many bytes of an unlabelled attachment are read to decide whether it is a message. */
const SNIFF_BYTES = 2048;

/** Feedback for a forwarded message: a person forwarding spam reports abuse (RFC 6650 §4.1 spirit). */
export const FORWARD_FEEDBACK: FeedbackFields = impliedFeedback('abuse', ['feedback-type']);

/** Whether the start of some bytes reads as a message header block (several fields, one identifying). */
function looksLikeMessage(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, SNIFF_BYTES)).toString('latin1');
  const lines = head.split(/\r?\n/);
  let fields = 0;
  let identifying = false;
  for (const line of lines) {
    if (line === '') break;
    if (/^[ \t]/.test(line)) continue;
    const match = /^([!-9;-~]+):/.exec(line);
    if (!match) return false;
    fields++;
    if (/^(received|from|message-id|return-path|date|subject)$/i.test(match[1]!)) identifying = true;
  }
  return fields >= 3 && identifying;
}

/** Outcome of looking for attached originals: the messages, and why .msg attachments could not be read. */
export interface AttachedMessages {
  readonly messages: RecoveredMessage[];
  readonly failures: string[];
}

/**
 * The reported messages attached to a mail: message/rfc822 parts (attached or inline), .eml files of any
 * content type, header-only parts, Outlook .msg files, and unlabelled attachments that read as a message.
 * A forwarded message that itself carries attached messages is a nested forward: its innermost ones count.
 */
export function findAttachedMessages(leaves: readonly MimeEntity[], ctx: ParseContext): AttachedMessages {
  const messages: RecoveredMessage[] = [];
  const failures: string[] = [];
  for (const leaf of leaves) {
    const type = leaf.mediaType;
    const fileName = entityFileName(leaf) ?? '';
    if (MESSAGE_TYPES.has(type) || fileName.endsWith('.eml')) {
      if (!type.startsWith('message/')) {
        ctx.deviate('forward.eml-content-type', `an .eml attachment declared as ${type}`);
      }
      const bytes = type.startsWith('message/') ? messageBytes(leaf, ctx) : toCrlf(decodedBody(leaf, ctx));
      const inline = type.startsWith('message/') && leaf.disposition?.value === 'inline';
      messages.push(...openMessage(bytes, leaf.depth + 1, inline ? 'inline-message' : 'attachment', ctx));
    } else if (HEADER_TYPES.has(type)) {
      messages.push(
        recoverFromHeaderText(entityText(leaf, ctx), ctx, {
          source: 'attachment',
          confidence: 'high',
          feedback: FORWARD_FEEDBACK,
        }),
      );
    } else if (OUTLOOK_TYPES.has(type) || fileName.endsWith('.msg')) {
      const outcome = readOutlookMsg(decodedBody(leaf, ctx), FORWARD_FEEDBACK, ctx);
      if (outcome.ok) messages.push(outcome.message);
      else failures.push(outcome.message);
    } else if (
      (type === 'application/octet-stream' || type === 'text/plain') &&
      leaf.disposition?.value === 'attachment' &&
      looksLikeMessage(decodedPrefix(leaf, SNIFF_BYTES, ctx))
    ) {
      ctx.deviate('forward.message-content-type', `a message attached as ${type}`);
      messages.push(...openMessage(toCrlf(decodedBody(leaf, ctx)), leaf.depth + 1, 'attachment', ctx));
    }
    if (messages.length > ctx.limits.maxReportedMessages) break;
  }
  return { messages, failures };
}

/** Opens one attached message; when it is a forward itself, returns the messages it carries instead. */
function openMessage(
  bytes: Buffer,
  depth: number,
  source: 'attachment' | 'inline-message',
  ctx: ParseContext,
): RecoveredMessage[] {
  const entity = readEntity(bytes, 0, bytes.length, depth, ctx);
  const isContainer = entity.mediaType.startsWith('multipart/') || MESSAGE_TYPES.has(entity.mediaType);
  // A forwarded ARF report unwraps to its original; a forwarded bounce or receipt stays what it is.
  const reportType = entity.contentType.params['report-type']?.toLowerCase() ?? '';
  const notAReport = reportType === 'delivery-status' || reportType === 'disposition-notification';
  if (isContainer && !notAReport) {
    const leaves = leafEntities(entity, ctx);
    const feedbackPart = reportType === 'feedback-report' ? findFeedbackPart(leaves, ctx) : undefined;
    if (feedbackPart) {
      ctx.deviate(
        'forward.nested',
        'a forwarded message is itself a forward; its innermost messages are used',
      );
      const subject = entity.headers.find((field) => field.name.toLowerCase() === 'subject')?.value ?? '';
      return [extractArf(leaves, feedbackPart, subject, ctx)];
    }
    const inner = findAttachedMessages(leaves, ctx);
    if (inner.messages.length > 0) {
      ctx.deviate(
        'forward.nested',
        'a forwarded message is itself a forward; its innermost messages are used',
      );
      return inner.messages;
    }
  }
  if (entity.headers.length === 0) {
    ctx.deviate(
      'forward.attachment-not-a-message',
      'an attached message has no header fields; it is skipped',
    );
    return [];
  }
  return [recoverFromEntity(entity, { source, confidence: 'high', feedback: FORWARD_FEEDBACK })];
}
