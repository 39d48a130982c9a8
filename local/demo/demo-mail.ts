import { signMail } from './demo-dkim-sign.ts';
import { DEMO_KEYS } from './demo-keys.ts';
import { DEMO } from './demo-platform.ts';

/** One message a tenant sent (or someone forged) that a recipient will report. */
export interface DemoOriginal {
  readonly from: string;
  readonly subject: string;
  readonly recipient: string;
  /** The tenant id the platform relay stamps; undefined for mail that never passed the platform. */
  readonly tenantId?: string;
  /** The client that submitted it to the relay (a tenant's server or a compromised account's IP). */
  readonly submissionIp: string;
  /** Distinguishes otherwise equal messages. */
  readonly serial: number;
}

/** A reported submission ready for SMTP: envelope sender and raw bytes. */
export interface DemoSubmission {
  readonly label: string;
  readonly mailFrom: string;
  readonly raw: string;
}

const CRLF = '\r\n';
/** The demo's fictional mail was sent during the last few hours, so its reports count as fresh. */
const DEMO_EPOCH = Date.now() - 4 * 3_600_000;

function rfc5322Date(ms: number): string {
  return new Date(ms).toUTCString().replace('GMT', '+0000');
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).replace(/>$/, '');
}

/**
 * The original as it arrived at the recipient: authored, relayed by the platform (tenant header stamped and
 * oversigned, platform DKIM signature), then received by the recipient's MX from the relay's IP. Forged mail
 * skips the platform: no tenant header, no platform signature, delivered straight from the forger's IP.
 */
export function buildOriginal(original: DemoOriginal): string {
  const sent = DEMO_EPOCH + original.serial * 60_000;
  const fromDomain = domainOf(original.from);
  let mail = [
    `From: ${original.from}`,
    `To: ${original.recipient}`,
    `Subject: ${original.subject}`,
    `Date: ${rfc5322Date(sent)}`,
    `Message-ID: <demo-${original.serial}.${sent}@${fromDomain}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Hello,${CRLF}${CRLF}Limited offer number ${original.serial}: reply now.${CRLF}`,
  ].join(CRLF);
  if (original.tenantId !== undefined) {
    mail =
      `Received: from client.demo (client.demo [${original.submissionIp}])${CRLF}\tby ${DEMO.relayHost} with ESMTPSA id r${original.serial}; ${rfc5322Date(sent + 1000)}${CRLF}` +
      `X-Tenant-Id: ${original.tenantId}${CRLF}${mail}`;
    mail = signMail(
      mail,
      DEMO_KEYS.platform,
      ['from', 'to', 'subject', 'date', 'message-id', 'x-tenant-id', 'x-tenant-id'],
      Math.floor(sent / 1000),
    );
  }
  const clientIp = original.tenantId === undefined ? original.submissionIp : DEMO.relayIp;
  const helo = original.tenantId === undefined ? 'sender.example' : DEMO.relayHost;
  return (
    `Return-Path: <bounces@${fromDomain}>${CRLF}` +
    `Received: from ${helo} (${helo} [${clientIp}])${CRLF}\tby mx.${DEMO.recipientDomain} with ESMTPS id m${original.serial}; ${rfc5322Date(sent + 2000)}${CRLF}` +
    mail
  );
}

/** An ARF report (RFC 5965) from the demo ISP's feedback loop, signed by the feed's domain. */
export function buildArfReport(original: DemoOriginal, feedbackType = 'abuse'): DemoSubmission {
  const reported = buildOriginal(original);
  const sent = DEMO_EPOCH + original.serial * 60_000 + 3_600_000;
  const boundary = `arf-${original.serial}`;
  const source = original.tenantId === undefined ? original.submissionIp : DEMO.relayIp;
  const from = `fbl@${DEMO.feedDomain}`;
  const mail = [
    `From: Demo ISP Feedback Loop <${from}>`,
    'To: junk@abuse-intake.test',
    `Subject: FW: ${original.subject}`,
    `Date: ${rfc5322Date(sent)}`,
    `Message-ID: <fbl-${original.serial}.${sent}@${DEMO.feedDomain}>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=feedback-report; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    `This is an email abuse report for a message received from IP ${source}.`,
    `--${boundary}`,
    'Content-Type: message/feedback-report',
    '',
    `Feedback-Type: ${feedbackType}`,
    'User-Agent: DemoISP-FBL/1.0',
    'Version: 1',
    `Original-Mail-From: <bounces@${domainOf(original.from)}>`,
    `Original-Rcpt-To: <${original.recipient}>`,
    `Arrival-Date: ${rfc5322Date(sent - 3_000_000)}`,
    `Source-IP: ${source}`,
    `Reported-Domain: ${domainOf(original.from)}`,
    '',
    `--${boundary}`,
    'Content-Type: message/rfc822',
    'Content-Disposition: attachment',
    '',
    reported,
    `--${boundary}--`,
    '',
  ].join(CRLF);
  const signed = signAsReporter(mail, DEMO.feedDomain, sent);
  return { label: `ARF ${feedbackType} about ${original.from}`, mailFrom: from, raw: signed };
}

/** A person forwarding the spam they got as an attachment (message/rfc822), from a DKIM-signing mail provider. */
export function buildHumanForward(original: DemoOriginal, reporter: string): DemoSubmission {
  const reported = buildOriginal(original);
  const sent = DEMO_EPOCH + original.serial * 60_000 + 7_200_000;
  const boundary = `fwd-${original.serial}`;
  const mail = [
    `From: ${reporter}`,
    'To: junk@abuse-intake.test',
    `Subject: Fwd: ${original.subject}`,
    `Date: ${rfc5322Date(sent)}`,
    `Message-ID: <fwd-${original.serial}.${sent}@${DEMO.humanDomain}>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    'I never signed up for this. Please make it stop.',
    `--${boundary}`,
    'Content-Type: message/rfc822',
    'Content-Disposition: attachment; filename="spam.eml"',
    '',
    reported,
    `--${boundary}--`,
    '',
  ].join(CRLF);
  const signed = signAsReporter(mail, DEMO.humanDomain, sent);
  return { label: `forward by ${reporter} about ${original.from}`, mailFrom: reporter, raw: signed };
}

/** Headers a reporter's provider signs on the submission (RFC 6376 §5.4: From and what identifies the mail). */
const REPORTER_SIGNED_HEADERS = [
  'from',
  'to',
  'subject',
  'date',
  'message-id',
  'content-type',
  'mime-version',
];

/** Signs a submission as the reporter's provider does, so the listener's DKIM check authenticates the reporter. */
function signAsReporter(mail: string, domain: string, sentMs: number): string {
  const { selector, privateKey } = DEMO_KEYS.reporter;
  return signMail(mail, { domain, selector, privateKey }, REPORTER_SIGNED_HEADERS, Math.floor(sentMs / 1000));
}
