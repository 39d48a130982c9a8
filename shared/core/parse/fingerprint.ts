import { createHash } from 'node:crypto';
import type { FeedbackFields, HeaderField } from '../model/index.ts';
import { parseAddress } from './address.ts';
import { headerValue } from './header-block.ts';
import { parseMailDate } from './mail-date.ts';

/**
 * The fingerprint recipe (version 1), so that the same original reported by several reporters (or
 * forwarded twice) gets the same value while different messages do not:
 *
 * 1. With a Message-ID: SHA-256 over `v1|mid|<message-id>|<from address>|<date>` where the Message-ID is
 *    lower-cased without angle brackets or whitespace, the From address lower-cased (parseAddress) and the
 *    Date as ISO 8601 UTC ('' when absent). Reporters rewrite none of these; most rewrite To/Received.
 * 2. Without a Message-ID: SHA-256 over `v1|hdr|<from>|<date>|<subject>|<to>` with the raw Subject and To
 *    values whitespace-collapsed, i.e. the fields that identify a message in its author's view.
 * 3. Without any header (an ARF report whose original is missing): SHA-256 over
 *    `v1|feedback|<original-mail-from>|<original-rcpt-to,…>|<arrival-date>|<source-ip>`.
 *
 * Output is lower-case hex. Changing the recipe changes every stored fingerprint: bump the `v1` prefix then.
 */
export function fingerprintMessage(headers: readonly HeaderField[], feedback: FeedbackFields): string {
  const from = parseAddress(headerValue(headers, 'from') ?? '')?.address ?? '';
  const date = parseMailDate(headerValue(headers, 'date')) ?? '';
  const messageId = normalizeMessageId(headerValue(headers, 'message-id'));
  let material: string;
  if (messageId) material = ['v1', 'mid', messageId, from, date].join('|');
  else if (headers.length > 0) {
    const collapse = (value: string | undefined): string => (value ?? '').replace(/\s+/g, ' ').trim();
    material = [
      'v1',
      'hdr',
      from,
      date,
      collapse(headerValue(headers, 'subject')),
      collapse(headerValue(headers, 'to')),
    ].join('|');
  } else {
    material = [
      'v1',
      'feedback',
      feedback.originalMailFrom ?? '',
      feedback.originalRcptTo.join(','),
      feedback.arrivalDate ?? '',
      feedback.sourceIp ?? '',
    ].join('|');
  }
  return createHash('sha256').update(material).digest('hex');
}

/** A Message-ID lower-cased without angle brackets and whitespace; undefined when empty. */
export function normalizeMessageId(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const normalized = value
    .replace(/\s+/g, '')
    .replace(/^<(.*)>$/, '$1')
    .toLowerCase();
  return normalized || undefined;
}
