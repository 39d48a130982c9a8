import { Buffer } from 'node:buffer';
import { extractArf, findFeedbackPart } from './arf.ts';
import { entityText } from './entity-text.ts';
import { impliedFeedback } from './feedback-report.ts';
import { FORWARD_FEEDBACK, findAttachedMessages } from './forward.ts';
import { headerValue } from './header-block.ts';
import { findQuotedHeaderBlock, htmlToText } from './inline-quote.ts';
import { entityFileName, type MimeEntity } from './mime-entity.ts';
import { isAttachment, leafEntities } from './mime-tree.ts';
import {
  detectAutoReply,
  detectBounce,
  detectDmarcAggregate,
  detectReadReceipt,
  detectSesNotification,
  isForwardSubject,
} from './not-a-report.ts';
import type { ParseContext } from './parse-context.ts';
import { recoverFromEntity, recoverFromHeaderText } from './reported-message.ts';
import { NO_AUTHENTICATION, type Shape, type SubmissionFacts, unusable } from './submission-shape.ts';
import { looksLikeXarf, parseXarfJson, parseXarfYaml, type XarfResult } from './xarf.ts';

function xarfShape(result: XarfResult): Shape {
  return result.valid
    ? { kind: 'xarf', messages: result.messages }
    : unusable('xarf-invalid', result.message);
}

/** A submission that is a JSON document: X-ARF JSON (v4, or older converted) or an SES notification. */
export function classifyJson(
  bytes: Uint8Array,
  ctx: ParseContext,
): { shape: Shape; facts: SubmissionFacts } | undefined {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    if (/"(?:xarf_version|ReportClass|ReporterInfo)"/.test(text)) {
      return { shape: unusable('xarf-invalid', 'X-ARF JSON does not parse'), facts: emptyFacts() };
    }
    return undefined;
  }
  const facts = emptyFacts();
  const ses = detectSesNotification(text);
  if (ses) return { shape: unusable(ses.code, ses.message), facts };
  if (!looksLikeXarf(document))
    return { shape: unusable('not-mail', 'a JSON document that is not X-ARF'), facts };
  ctx.deviate('xarf.bare-json', 'an X-ARF JSON document arrived without a mail around it');
  const result = parseXarfJson(document, 0, ctx);
  if (result.valid) {
    if (result.reporterDomain) facts.reporter.domain = result.reporterDomain.toLowerCase();
    if (result.reporterContact?.includes('@'))
      facts.reporter.headerFrom = result.reporterContact.toLowerCase();
  }
  return { shape: xarfShape(result), facts };
}

function emptyFacts(): SubmissionFacts {
  return { reporter: {}, authentication: NO_AUTHENTICATION, headers: [] };
}

/** X-ARF by mail: `X-ARF: yes` with a YAML (v0.1/v0.2) or JSON (v4) second part, or a JSON attachment. */
function classifyXarfMail(
  top: MimeEntity,
  leaves: readonly MimeEntity[],
  ctx: ParseContext,
): Shape | undefined {
  const flagged = /^\s*yes/i.test(headerValue(top.headers, 'x-arf') ?? '');
  const jsonLeaf = leaves.find(
    (leaf) => leaf.mediaType === 'application/json' || (entityFileName(leaf) ?? '').endsWith('.json'),
  );
  if (jsonLeaf) {
    const text = entityText(jsonLeaf, ctx, ctx.limits.maxBytes);
    try {
      const document: unknown = JSON.parse(text);
      if (looksLikeXarf(document)) return xarfShape(parseXarfJson(document, jsonLeaf.depth, ctx));
    } catch {
      if (flagged) return unusable('xarf-invalid', 'the X-ARF JSON part does not parse');
    }
  }
  if (!flagged) return undefined;
  const reportPart = leaves[1];
  if (!reportPart) return unusable('xarf-invalid', 'X-ARF mail without its report part');
  const evidence = findAttachedMessages(leaves.slice(2), ctx).messages.map((message) => ({
    ...message,
    source: 'xarf' as const,
  }));
  return xarfShape(parseXarfYaml(entityText(reportPart, ctx), evidence, top.depth + 1, ctx));
}

/** The text a person wrote in the mail: first inline text/plain part, else text/html converted. */
function bodyText(leaves: readonly MimeEntity[], ctx: ParseContext): string | undefined {
  const plain = leaves.find((leaf) => leaf.mediaType === 'text/plain' && !isAttachment(leaf));
  if (plain) return entityText(plain, ctx);
  const html = leaves.find((leaf) => leaf.mediaType === 'text/html' && !isAttachment(leaf));
  return html ? htmlToText(entityText(html, ctx)) : undefined;
}

/**
 * Decides what a mail is, in an order where the stronger evidence wins: report MIME shapes (ARF, DSN, MDN),
 * X-ARF, DMARC aggregates, attached originals, the JMRP whole-message form, inline forwards, and finally
 * the reasons a mail is not a report.
 */
export function classifyMail(top: MimeEntity, facts: SubmissionFacts, ctx: ParseContext): Shape {
  const leaves = leafEntities(top, ctx);
  const subject = facts.subject ?? '';
  const isReport = top.mediaType === 'multipart/report';
  const reportType = top.contentType.params['report-type']?.toLowerCase();
  if (isReport && reportType === 'delivery-status') {
    return unusable(
      'dsn',
      'a delivery status notification (multipart/report; report-type=delivery-status, RFC 3464)',
    );
  }
  const receipt = detectReadReceipt(top, leaves);
  if (receipt) return unusable(receipt.code, receipt.message);
  const feedbackPart = isReport
    ? findFeedbackPart(leaves, ctx)
    : leaves.find((leaf) => leaf.mediaType === 'message/feedback-report');
  if (feedbackPart || (isReport && (reportType === undefined || reportType === 'feedback-report'))) {
    const bounce = feedbackPart ? undefined : detectBounce(top.headers, leaves);
    if (bounce) return unusable(bounce.code, bounce.message);
    const recovered = extractArf(leaves, feedbackPart, subject, ctx);
    if (feedbackPart || recovered.headers.length > 0) {
      if (!isReport) ctx.deviate('arf.not-multipart-report', `an ARF report inside ${top.mediaType}`);
      else if (reportType !== 'feedback-report') {
        ctx.deviate('arf.report-type', `multipart/report with report-type "${reportType ?? ''}"`);
      }
      return { kind: 'arf', messages: [recovered] };
    }
  }
  const xarf = classifyXarfMail(top, leaves, ctx);
  if (xarf) return xarf;
  const bounce = detectBounce(top.headers, leaves);
  if (bounce) return unusable(bounce.code, bounce.message);
  const aggregate = detectDmarcAggregate(top.headers, leaves);
  if (aggregate) return unusable(aggregate.code, aggregate.message);
  const autoReply = detectAutoReply(top.headers);
  const autoSubmitted = headerValue(top.headers, 'auto-submitted')?.trim().toLowerCase() ?? '';
  if (autoReply && !autoSubmitted.startsWith('auto-generated'))
    return unusable(autoReply.code, autoReply.message);
  const attached = findAttachedMessages(leaves, ctx);
  if (attached.messages.length > 0) return { kind: 'forward', messages: attached.messages };
  if (headerValue(top.headers, 'x-hmxmroriginalrecipient') !== undefined) {
    // Microsoft JMRP's older form: the complaint is the original itself with X-HmXmr* fields added.
    ctx.deviate('arf.jmrp-whole-message', 'a JMRP report that is the original message itself, not ARF');
    const feedback = impliedFeedback('abuse', ['feedback-type']);
    return {
      kind: 'arf',
      messages: [recoverFromEntity(top, { source: 'whole-submission', confidence: 'high', feedback })],
    };
  }
  const text = bodyText(leaves, ctx);
  if (text !== undefined) {
    const block = findQuotedHeaderBlock(text, isForwardSubject(subject));
    if (block) {
      ctx.deviate('forward.inline', 'the reported message was quoted inline; its headers may be edited');
      const message = recoverFromHeaderText(block, ctx, {
        source: 'inline-quote',
        confidence: 'low',
        feedback: FORWARD_FEEDBACK,
      });
      return { kind: 'forward', messages: [message] };
    }
    const ses = detectSesNotification(text);
    if (ses) return unusable(ses.code, ses.message);
  }
  if (autoReply) return unusable(autoReply.code, autoReply.message);
  if (attached.failures.length > 0) return unusable('msg-unreadable', attached.failures[0]!);
  const hasContent = leaves.some(
    (leaf) =>
      leaf.end > leaf.bodyStart &&
      /\S/.test(leaf.buf.toString('latin1', leaf.bodyStart, Math.min(leaf.end, leaf.bodyStart + 4096))),
  );
  if (!hasContent) return unusable('empty', 'the mail has no body');
  return unusable('no-reported-message', 'no attached, quoted or reported message found');
}
