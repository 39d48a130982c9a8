/**
 * Builds reported messages for tests: raw RFC 5322 mail (CRLF), DKIM-signed with test keys generated at load
 * time, wrapped in an ARF report and parsed by the real parser. See TEST_PLATFORM for the platform it models.
 */
import { createHash, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import {
  canonicalizeBody,
  parseCanonicalization,
  selectSignedHeaders,
  signedHeaderData,
} from '../../shared/core/attribute/dkim-canonicalize.ts';
import type { ReportedMessage } from '../../shared/core/model/index.ts';
import { parseHeaderBlock, parseSubmission } from '../../shared/core/parse/index.ts';
import { type PlatformConfig, parsePlatformConfig } from '../../shared/core/platform/index.ts';

/** The platform's DKIM domain and selectors in every test. */
export const TEST_PLATFORM_DOMAIN = 'platform.example';
export const TEST_RSA_SELECTOR = 'rsa2026';
export const TEST_ED25519_SELECTOR = 'ed2026';
/** Outbound relays: names under relay.platform.example, addresses in TEST-NET-3 and a documentation /48. */
export const TEST_RELAY_HOST = 'out1.relay.platform.example';
export const TEST_RELAY_IP = '203.0.113.5';
export const TEST_RELAY_IPV6 = '2001:db8:ffff::5';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ed25519 = generateKeyPairSync('ed25519');
/** Private keys: the platform's (RSA and Ed25519) and a stranger's key of the same shape. */
export const TEST_KEYS = {
  platformRsa: rsa.privateKey,
  platformEd25519: ed25519.privateKey,
  stranger: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey,
  tenantRsa: generateKeyPairSync('rsa', { modulusLength: 2048 }),
} as const;

/** The private key behind TEST_PLATFORM's RSA selector (the key the platform's relays sign with). */
export const TEST_PLATFORM_PRIVATE_KEY: KeyObject = TEST_KEYS.platformRsa;

/** The platform every attribution test runs against (keys from configuration, no DNS). */
export const TEST_PLATFORM: PlatformConfig = parsePlatformConfig({
  signingKeys: [
    { domain: TEST_PLATFORM_DOMAIN, selector: TEST_RSA_SELECTOR, publicKey: pem(rsa.publicKey) },
    {
      domain: TEST_PLATFORM_DOMAIN,
      selector: TEST_ED25519_SELECTOR,
      publicKey: rawEd25519(ed25519.publicKey),
    },
  ],
  relayHosts: ['*.relay.platform.example'],
  relayIps: ['203.0.113.0/28', '2001:db8:ffff::/48'],
  reportingAddresses: ['junk@platform.example'],
});

function pem(key: KeyObject): string {
  return key.export({ type: 'spki', format: 'pem' }).toString();
}

/** RFC 8463 §4.2: the DNS p= of an Ed25519 key is the bare 32-byte key. */
function rawEd25519(key: KeyObject): string {
  return key.export({ type: 'spki', format: 'der' }).subarray(-32).toString('base64');
}

/** How to sign: which key, which d=/s=, which fields (repeats oversign), which canonicalization. */
export interface SignOptions {
  readonly privateKey?: KeyObject;
  readonly algorithm?: 'rsa-sha256' | 'ed25519-sha256';
  readonly domain?: string;
  readonly selector?: string;
  readonly headers?: readonly string[];
  readonly canonicalization?: 'relaxed/relaxed' | 'simple/simple' | 'relaxed/simple' | 'simple/relaxed';
  /** t= and x=, seconds since the epoch (RFC 6376 §3.5); omitted when absent. */
  readonly timestamp?: number;
  readonly expiration?: number;
}

/** A mutable message: header fields top to bottom and a body, edited the way relays and forgers do. */
export class MailBuilder {
  readonly fields: [name: string, value: string][] = [];
  body = 'Hello,\r\n\r\nThis is the message body.\r\n';

  constructor(fields: readonly [string, string][] = []) {
    this.fields.push(...fields.map(([n, v]): [string, string] => [n, v]));
  }

  /** Adds a field at the top, as a relay adds trace fields (RFC 5321 §4.4). */
  prepend(name: string, value: string): this {
    this.fields.unshift([name, value]);
    return this;
  }

  /** Adds a field at the bottom, as a milter or the author would. */
  append(name: string, value: string): this {
    this.fields.push([name, value]);
    return this;
  }

  /** The raw header block (CRLF line ends, no final empty line). */
  headerText(): string {
    return this.fields.map(([name, value]) => `${name}: ${value}`).join('\r\n');
  }

  /** The whole raw message. */
  toString(): string {
    return `${this.headerText()}\r\n\r\n${this.body}`;
  }

  /** Prepends a DKIM-Signature over the current fields and body (RFC 6376 §5). */
  sign(options: SignOptions = {}): this {
    const algorithm =
      options.algorithm ??
      (options.privateKey === TEST_KEYS.platformEd25519 ? 'ed25519-sha256' : 'rsa-sha256');
    const c = options.canonicalization ?? 'relaxed/relaxed';
    const modes = parseCanonicalization(c)!;
    const h = options.headers ?? ['from', 'to', 'subject', 'date', 'message-id'];
    const bh = createHash('sha256')
      .update(canonicalizeBody(Buffer.from(this.body, 'utf8'), modes.body))
      .digest('base64');
    const domain = options.domain ?? TEST_PLATFORM_DOMAIN;
    const selector =
      options.selector ?? (algorithm === 'ed25519-sha256' ? TEST_ED25519_SELECTOR : TEST_RSA_SELECTOR);
    const times =
      (options.timestamp === undefined ? '' : ` t=${options.timestamp};`) +
      (options.expiration === undefined ? '' : ` x=${options.expiration};`);
    const unsigned = `v=1; a=${algorithm}; c=${c}; d=${domain}; s=${selector};${times}\r\n\th=${h.join(':')}; bh=${bh}; b=`;
    const headers = parseHeaderBlock(this.headerText());
    const data = signedHeaderData(
      headers,
      selectSignedHeaders(headers, h),
      `DKIM-Signature: ${unsigned}`,
      modes.header,
    );
    const key = options.privateKey ?? TEST_KEYS.platformRsa;
    const b =
      algorithm === 'rsa-sha256'
        ? sign('sha256', data, key)
        : sign(null, createHash('sha256').update(data).digest(), key);
    return this.prepend('DKIM-Signature', unsigned + b.toString('base64').replace(/(.{72})/g, '$1\r\n\t'));
  }
}

/** Options for a message the platform relayed for a tenant. */
export interface PlatformMailOptions {
  readonly from?: string;
  readonly returnPath?: string;
  /** Tenant id the relay stamps; undefined stamps none. */
  readonly tenantId?: string;
  /** Client that submitted the message to the platform relay. */
  readonly submissionIp?: string;
  readonly relayHost?: string;
  /** Platform signature; false signs nothing. The tenant header is oversigned unless `headers` says otherwise. */
  readonly sign?: false | SignOptions;
  readonly feedbackId?: string;
  readonly subject?: string;
}

/** The author's fields of a message from `from`. */
export function authoredMessage(
  from = 'Alice <alice@acme.example>',
  subject = 'Quarterly offer',
): MailBuilder {
  return new MailBuilder([
    ['From', from],
    ['To', 'bob@recipient.example'],
    ['Subject', subject],
    ['Date', 'Tue, 24 Nov 2026 10:00:00 +0000'],
    [
      'Message-ID',
      `<${createHash('sha256')
        .update(from + subject)
        .digest('hex')
        .slice(0, 16)}@${domainOf(from)}>`,
    ],
    ['MIME-Version', '1.0'],
    ['Content-Type', 'text/plain; charset=utf-8'],
  ]);
}

/**
 * A message as it leaves the platform: authored, received by the relay from `submissionIp`, stamped with the
 * tenant header, signed by the platform (tenant header oversigned). Deliver it with `deliver`.
 */
export function platformMessage(options: PlatformMailOptions = {}): MailBuilder {
  const mail = authoredMessage(options.from, options.subject);
  if (options.feedbackId !== undefined) mail.append('Feedback-ID', options.feedbackId);
  if (options.tenantId !== undefined) mail.prepend(TEST_PLATFORM.tenantHeader, options.tenantId);
  const client = options.submissionIp ?? '198.51.100.99';
  const relay = options.relayHost ?? TEST_RELAY_HOST;
  mail.prepend(
    'Received',
    `from client.example (client.example [${client}])\r\n\tby ${relay} with ESMTPSA id 4f2a9; Tue, 24 Nov 2026 10:00:01 +0000`,
  );
  if (options.sign !== false) {
    const base = ['from', 'to', 'subject', 'date', 'message-id'];
    const tenant =
      options.tenantId === undefined
        ? []
        : [TEST_PLATFORM.tenantHeader.toLowerCase(), TEST_PLATFORM.tenantHeader.toLowerCase()];
    const feedback = options.feedbackId === undefined ? [] : ['feedback-id', 'feedback-id'];
    mail.sign({ headers: [...base, ...tenant, ...feedback], ...options.sign });
  }
  return mail;
}

/**
 * The raw original (CRLF) of a message the platform relayed and signed for `options.tenantId`, as the recipient
 * received it from `deliveredFrom` (a relay address by default). Wrap it with buildArfReport to report it.
 */
export function buildSignedMessage(
  options: PlatformMailOptions & { readonly deliveredFrom?: string; readonly envelopeFrom?: string } = {},
): string {
  return deliver(platformMessage(options), options.deliveredFrom, options.envelopeFrom).toString();
}

/** Delivery at the recipient: its MX records the connecting IP (RFC 5321 §4.4) and the Return-Path. */
export function deliver(mail: MailBuilder, clientIp = TEST_RELAY_IP, returnPath?: string): MailBuilder {
  const helo =
    clientIp === TEST_RELAY_IP || clientIp === TEST_RELAY_IPV6 ? TEST_RELAY_HOST : 'sender.example';
  mail.prepend(
    'Received',
    `from ${helo} (${helo} [${clientIp}])\r\n\tby mx.recipient.example with ESMTPS id 77ab; Tue, 24 Nov 2026 10:00:02 +0000`,
  );
  const from = mail.fields.find(([name]) => name.toLowerCase() === 'from')?.[1] ?? '';
  return mail.prepend('Return-Path', `<${returnPath ?? addressOf(from)}>`);
}

function addressOf(mailbox: string): string {
  return /<([^>]*)>/.exec(mailbox)?.[1] ?? mailbox.trim();
}

function domainOf(mailbox: string): string {
  return addressOf(mailbox).split('@')[1] ?? 'example.invalid';
}

/** How the reporter sent the original: whole, or headers only (text/rfc822-headers), plus ARF fields. */
export interface ReportOptions {
  readonly headersOnly?: boolean;
  readonly sourceIp?: string;
  readonly originalMailFrom?: string;
  readonly feedbackType?: string;
}

const ARF_BOUNDARY = 'arf-boundary-7d1c';

/** An RFC 5965 feedback report (multipart/report) from a feedback loop to the platform, carrying `mail`. */
export function buildArfReport(mail: MailBuilder | string, options: ReportOptions = {}): string {
  const raw = typeof mail === 'string' ? mail : mail.toString();
  const split = raw.indexOf('\r\n\r\n');
  const original = options.headersOnly ? `${split === -1 ? raw : raw.slice(0, split)}\r\n` : raw;
  const fields = [
    `Feedback-Type: ${options.feedbackType ?? 'abuse'}`,
    'User-Agent: mail-builder/1.0',
    'Version: 1',
    ...(options.originalMailFrom ? [`Original-Mail-From: ${options.originalMailFrom}`] : []),
    ...(options.sourceIp ? [`Source-IP: ${options.sourceIp}`] : []),
  ];
  return [
    'From: FBL <fbl@feedback.example.net>',
    'To: junk@platform.example',
    'Subject: Abuse report',
    'Date: Tue, 24 Nov 2026 11:00:00 +0000',
    `Message-ID: <${createHash('sha256').update(raw).digest('hex').slice(0, 20)}@feedback.example.net>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=feedback-report; boundary="${ARF_BOUNDARY}"`,
    '',
    `--${ARF_BOUNDARY}`,
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'This is an email abuse report for a message received from your platform.',
    '',
    `--${ARF_BOUNDARY}`,
    'Content-Type: message/feedback-report',
    '',
    ...fields,
    '',
    `--${ARF_BOUNDARY}`,
    `Content-Type: ${options.headersOnly ? 'text/rfc822-headers' : 'message/rfc822'}`,
    'Content-Disposition: attachment',
    '',
    // The CRLF before a boundary belongs to the delimiter (RFC 2046 §5.1.1), so the original stays byte-exact.
    `${original}\r\n--${ARF_BOUNDARY}--\r\n`,
  ].join('\r\n');
}

/**
 * The builder's message as intake recovers it: wrapped in an ARF report and run through the real parser.
 * Throws when the parser yields no reported message, which is a test setup error.
 */
export function toReportedMessage(mail: MailBuilder | string, options: ReportOptions = {}): ReportedMessage {
  const submission = parseSubmission(Buffer.from(buildArfReport(mail, options), 'utf8'));
  const [message] = submission.messages;
  if (message === undefined) {
    throw new Error(
      `the parser recovered no message: ${submission.unusableReason?.message ?? submission.kind}`,
    );
  }
  return message;
}
