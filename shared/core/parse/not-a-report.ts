import type { HeaderField } from '../model/index.ts';
import { parseAddress } from './address.ts';
import { decodeEncodedWords } from './encoded-words.ts';
import { headerValue } from './header-block.ts';
import { entityFileName, type MimeEntity } from './mime-entity.ts';

/** Local parts that send bounces (RFC 5321 §4.5.5 null path aside): MAILER-DAEMON, postmaster and kin. */
const BOUNCE_SENDERS = /^(?:mailer-daemon|postmaster|mail-daemon|mailer|mdaemon|bounce|bounces|nobody)$/i;
/** Subjects bounce generators write (Sendmail, Postfix, Exim, Exchange, Domino, qmail, Gmail, Yahoo). */
const BOUNCE_SUBJECTS =
  /^(?:undeliver|undelivered mail|returned mail|delivery status notification|delivery (?:status )?notification|delivery failure|mail delivery failed|failure notice|non[- ]?deliver|mail system error|delivery has failed|message not delivered|could not send message|warning: could not send|delayed mail|delivery delayed|permanent delivery failure|nondeliverable)/i;
/** Subjects of RFC 3834 auto-replies written by clients that omit Auto-Submitted. */
const AUTO_REPLY_SUBJECTS =
  /^(?:auto(?:matic)?[ -]?reply|autoresponse|auto:|out of (?:the )?office|abwesenheit|absence|vacation|respuesta autom|réponse automatique)/i;

/** Why a submission is not a report, when it is none of the report shapes. */
export interface NotAReport {
  readonly code: 'dsn' | 'auto-reply' | 'dmarc-aggregate' | 'read-receipt' | 'ses-notification';
  readonly message: string;
}

/** The subject, decoded, without "Re:"-style prefixes. */
export function plainSubject(headers: readonly HeaderField[]): string {
  return decodeEncodedWords(headerValue(headers, 'subject') ?? '').trim();
}

/** Whether the subject marks a forward (Fwd:, Fw:, WG:, TR:, RV:, Doorst:). */
export function isForwardSubject(subject: string): boolean {
  return /^\s*(?:\[?(?:fwd?|wg|tr|rv|doorst|vs|vb|i)\s*:|\[fwd:)/i.test(subject);
}

/** A delivery status notification (RFC 3464) or a bounce that looks like one. */
export function detectBounce(
  headers: readonly HeaderField[],
  leaves: readonly MimeEntity[],
): NotAReport | undefined {
  if (
    leaves.some(
      (leaf) =>
        leaf.mediaType === 'message/delivery-status' || leaf.mediaType === 'message/global-delivery-status',
    )
  ) {
    return {
      code: 'dsn',
      message: 'a delivery status notification (message/delivery-status part, RFC 3464)',
    };
  }
  const subject = plainSubject(headers);
  if (isForwardSubject(subject)) return undefined;
  const from = parseAddress(headerValue(headers, 'from') ?? '');
  const local = from?.address.split('@')[0] ?? '';
  const returnPath = headerValue(headers, 'return-path');
  const nullSender = returnPath !== undefined && parseAddress(returnPath)?.address === '';
  const daemon = BOUNCE_SENDERS.test(local);
  const failedRecipients = headerValue(headers, 'x-failed-recipients') !== undefined;
  const bounceSubject =
    BOUNCE_SUBJECTS.test(subject) || /\b(?:mail failure|undeliverable|delivery failure)\b/i.test(subject);
  if (
    (bounceSubject && (daemon || nullSender || failedRecipients || from === undefined)) ||
    (daemon && (nullSender || failedRecipients))
  ) {
    return {
      code: 'dsn',
      message: `a bounce from ${from?.address || 'the null sender'}: "${subject.slice(0, 80)}"`,
    };
  }
  return undefined;
}

/** An automatic response per RFC 3834 §5 (Auto-Submitted other than "no") or the headers clients use instead. */
export function detectAutoReply(headers: readonly HeaderField[]): NotAReport | undefined {
  const autoSubmitted = headerValue(headers, 'auto-submitted')?.trim().toLowerCase();
  if (autoSubmitted && !autoSubmitted.startsWith('no')) {
    return { code: 'auto-reply', message: `Auto-Submitted: ${autoSubmitted} (RFC 3834 §5)` };
  }
  for (const name of ['x-autoreply', 'x-autorespond', 'x-auto-response', 'x-apple-unsubscribe']) {
    if (headerValue(headers, name) !== undefined)
      return { code: 'auto-reply', message: `${name} header present` };
  }
  const precedence = headerValue(headers, 'precedence')?.trim().toLowerCase();
  if (precedence === 'auto_reply') return { code: 'auto-reply', message: 'Precedence: auto_reply' };
  const subject = plainSubject(headers);
  if (AUTO_REPLY_SUBJECTS.test(subject))
    return { code: 'auto-reply', message: `auto-reply subject "${subject.slice(0, 80)}"` };
  return undefined;
}

/** A DMARC aggregate report (RFC 7489 §7.2.1.1 subject, or a `receiver!domain!begin!end` zip/gzip/xml file). */
export function detectDmarcAggregate(
  headers: readonly HeaderField[],
  leaves: readonly MimeEntity[],
): NotAReport | undefined {
  const subject = plainSubject(headers);
  const subjectMatch = /report\s+domain:?\s*\S+.*submitter:?/i.test(subject);
  const reportish = /dmarc|report/i.test(subject);
  const file = leaves
    .map((leaf) => entityFileName(leaf) ?? '')
    .find(
      (name) =>
        /![^!]+![0-9]+![0-9]+.*\.(?:zip|gz|xml)$/.test(name) ||
        (reportish && /\.xml(?:\.gz|\.zip)?$/.test(name)),
    );
  if (subjectMatch || file) {
    return {
      code: 'dmarc-aggregate',
      message: `a DMARC aggregate report${file ? ` (${file})` : ''} (RFC 7489 §7.2)`,
    };
  }
  return undefined;
}

/** A message disposition notification (RFC 8098), i.e. a read receipt. */
export function detectReadReceipt(top: MimeEntity, leaves: readonly MimeEntity[]): NotAReport | undefined {
  const reportType = top.contentType.params['report-type']?.toLowerCase();
  if (
    reportType === 'disposition-notification' ||
    leaves.some((leaf) => leaf.mediaType === 'message/disposition-notification')
  ) {
    return { code: 'read-receipt', message: 'a message disposition notification (RFC 8098)' };
  }
  return undefined;
}

/** An Amazon SES/SNS notification (bounce/complaint/delivery JSON), not a report mail. */
export function detectSesNotification(text: string): NotAReport | undefined {
  const match = /"notificationType"\s*:\s*"(\w+)"/.exec(text.slice(0, 4096));
  if (match && /"mail"\s*:/.test(text)) {
    return {
      code: 'ses-notification',
      message: `an Amazon SES ${match[1]} notification (JSON), not a report mail`,
    };
  }
  return undefined;
}
