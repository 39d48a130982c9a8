import type { FeedbackFields } from '../model/index.ts';
import { entityText } from './entity-text.ts';
import { impliedFeedback, parseFeedbackReport } from './feedback-report.ts';
import { findQuotedHeaderBlock } from './inline-quote.ts';
import { HEADER_TYPES } from './media-types.ts';
import type { MimeEntity } from './mime-entity.ts';
import type { ParseContext } from './parse-context.ts';
import { type RecoveredMessage, recoverFromBytes, recoverFromHeaderText } from './reported-message.ts';
import { messageBytes } from './transfer-encoding.ts';

const FEEDBACK_LINE = /^\s*feedback-type\s*:/im;

/** Finds the feedback part: message/feedback-report, else a text part that holds the fields (real feeds). */
export function findFeedbackPart(leaves: readonly MimeEntity[], ctx: ParseContext): MimeEntity | undefined {
  const proper = leaves.find((leaf) => leaf.mediaType === 'message/feedback-report');
  if (proper) return proper;
  for (const leaf of leaves) {
    if (!leaf.mediaType.startsWith('text/') || HEADER_TYPES.has(leaf.mediaType)) continue;
    const text = entityText(leaf, ctx, 16 * 1024);
    if (
      FEEDBACK_LINE.test(text) &&
      /^\s*(?:user-agent|version|source-ip|arrival-date|original-rcpt-to)\s*:/im.test(text)
    ) {
      ctx.deviate(
        'arf.feedback-part-content-type',
        `the feedback report came as ${leaf.mediaType}, not message/feedback-report`,
      );
      return leaf;
    }
  }
  return undefined;
}

/**
 * Extracts an ARF report (RFC 5965 §2): the feedback fields and the original, as message/rfc822 (full) or
 * text/rfc822-headers (headers only), tolerating misspelled types, an original pasted into a text part,
 * and a missing feedback part (then the shape and subject imply the type).
 */
export function extractArf(
  leaves: readonly MimeEntity[],
  feedbackPart: MimeEntity | undefined,
  subject: string,
  ctx: ParseContext,
): RecoveredMessage {
  let feedback: FeedbackFields;
  if (feedbackPart) {
    feedback = parseFeedbackReport(entityText(feedbackPart, ctx), ctx);
  } else {
    ctx.deviate('arf.feedback-part-missing', 'multipart/report without a message/feedback-report part');
    const type = /dmarc|forensic|failure report|auth/i.test(subject) ? 'auth-failure' : 'abuse';
    feedback = impliedFeedback(type, ['feedback-type']);
  }
  const base = { source: 'arf-message' as const, confidence: 'high' as const, feedback };
  const original = leaves.find(
    (leaf) => leaf.mediaType === 'message/rfc822' || leaf.mediaType === 'message/global',
  );
  if (original) return recoverFromBytes(messageBytes(original, ctx), original.depth + 1, ctx, base);
  const headersPart = leaves.find((leaf) => HEADER_TYPES.has(leaf.mediaType));
  if (headersPart) {
    if (headersPart.mediaType !== 'text/rfc822-headers') {
      ctx.deviate('arf.headers-content-type', `headers-only original declared as ${headersPart.mediaType}`);
    }
    return recoverFromHeaderText(entityText(headersPart, ctx), ctx, { ...base, source: 'arf-headers' });
  }
  // Some feeds paste the original into a text part after the feedback part.
  const feedbackIndex = feedbackPart ? leaves.indexOf(feedbackPart) : -1;
  for (const leaf of leaves.slice(feedbackIndex + 1)) {
    if (!leaf.mediaType.startsWith('text/') || leaf === feedbackPart) continue;
    const block = findQuotedHeaderBlock(entityText(leaf, ctx), true);
    if (block) {
      ctx.deviate('arf.original-in-text', `the original's headers came inside a ${leaf.mediaType} part`);
      return recoverFromHeaderText(block, ctx, { ...base, source: 'arf-headers' });
    }
  }
  ctx.deviate('arf.original-missing', 'the report carries no copy of the reported message');
  return { ...base, source: 'arf-headers', headerText: '', headers: [] };
}
