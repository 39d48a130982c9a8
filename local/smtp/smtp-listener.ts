import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { SmtpTlsConfig } from '../config/local-config.ts';
import { authenticationResultsField, type DNSResolver } from './authenticate-submission.ts';

/** One mail as received, before anything is acknowledged. */
export interface ReceivedMail {
  /** The message bytes with our trace fields (Return-Path, Received) prepended. */
  readonly raw: Uint8Array;
  readonly mailFrom?: string;
  readonly rcptTo: readonly string[];
  readonly remoteAddress: string;
}

/** Stores a received mail durably and returns the id it got; throwing answers 451 so the sender retries. */
export type AcceptMail = (mail: ReceivedMail) => Promise<string>;

/** Where the listener is and how to stop it. */
export interface SmtpListener {
  readonly host: string;
  readonly port: number;
  close(): Promise<void>;
}

/** How the listener is set up. */
export interface SmtpListenerOptions {
  readonly host: string;
  /** 0 picks a free port; the bound one is returned. */
  readonly port: number;
  readonly maxMessageBytes: number;
  /** Only these recipients are accepted (case-insensitive); others get 550 5.1.1. */
  readonly reportingAddresses: readonly string[];
  readonly tls?: SmtpTlsConfig;
  readonly accept: AcceptMail;
  /** Called with a one-line description of failures (never mail content). */
  readonly onError?: (message: string) => void;
  /** Name announced in the greeting and in our Received field. */
  readonly serverName?: string;
  /** Our authserv-id (RFC 8601 §2.5) for the Authentication-Results field put on top of every mail. */
  readonly authservId?: string;
  /** DNS used to check the reporter's SPF/DKIM/DMARC (the demo passes its own records); default: the system's. */
  readonly resolver?: DNSResolver;
}

/** Connections at once; a relay or feed rarely needs more, and each holds a message in memory. */
const MAX_CLIENTS = 50;
/** A client idle this long is cut off, so a stuck peer cannot hold a slot for ever. */
const SOCKET_TIMEOUT_MS = 60_000;

/**
 * Starts the SMTP listener (smtp-server) for the reporting addresses. It answers 250 only after `accept` resolved,
 * i.e. after the raw mail and its queue entry are on disk (issue 6); it refuses other recipients with 550 5.1.1,
 * mail over the limit with 552 5.3.4 (RFC 1870), and offers STARTTLS (RFC 3207) when a certificate is configured.
 */
export async function startSmtpListener(options: SmtpListenerOptions): Promise<SmtpListener> {
  const allowed = new Set(options.reportingAddresses.map((address) => address.toLowerCase()));
  const name = options.serverName ?? hostname();
  const tls = options.tls
    ? { key: readFileSync(options.tls.keyFile), cert: readFileSync(options.tls.certFile) }
    : undefined;
  const server = new SMTPServer({
    name,
    banner: 'abuse-intake reporting mailbox',
    size: options.maxMessageBytes,
    rejectOversized: true,
    hideENHANCEDSTATUSCODES: false,
    authOptional: true,
    disabledCommands: tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    ...(tls ?? {}),
    maxClients: MAX_CLIENTS,
    socketTimeout: SOCKET_TIMEOUT_MS,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (allowed.has(address.address.toLowerCase())) return callback();
      callback(smtpError(550, `Recipient <${address.address}> is not a reporting address here`));
    },
    onData(stream, session, callback) {
      collect(stream, options.maxMessageBytes)
        .then(async (body) => {
          if (body === undefined) return callback(smtpError(552, 'Message exceeds the size limit'));
          const authentication = await authenticationResultsField({
            raw: body,
            ip: session.remoteAddress,
            helo: session.hostNameAppearsAs || '',
            mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            authservId: options.authservId ?? name,
            ...(options.resolver ? { resolver: options.resolver } : {}),
          });
          const raw = withTraceFields(body, session, name, authentication);
          const id = await options.accept({
            raw,
            ...(session.envelope.mailFrom ? { mailFrom: session.envelope.mailFrom.address } : {}),
            rcptTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            remoteAddress: session.remoteAddress,
          });
          callback(null, `Queued as ${id}`);
        })
        .catch((error: unknown) => {
          options.onError?.(
            `smtp: could not store a mail: ${error instanceof Error ? error.message : String(error)}`,
          );
          callback(smtpError(451, 'Temporary local problem storing the message, try again later'));
        });
    },
  });
  // smtp-server re-emits the listen error here too; until listening, the rejection below says it once, plainly.
  let listening = false;
  server.on('error', (error) => {
    if (listening) options.onError?.(`smtp: ${error.message}`);
  });
  await new Promise<void>((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `SMTP port ${options.port} on ${options.host} is in use: stop the other server, or pass --smtp-port (0 picks a free port)`,
              { cause: error },
            )
          : error,
      );
    server.server.once('error', fail);
    server.listen(options.port, options.host, () => {
      server.server.off('error', fail);
      listening = true;
      resolve();
    });
  });
  const address = server.server.address() as AddressInfo;
  return {
    host: options.host,
    port: address.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function collect(stream: SMTPServerDataStream, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size <= limit) chunks.push(chunk as Buffer);
  }
  return stream.sizeExceeded || size > limit ? undefined : Buffer.concat(chunks);
}

/** Prepends Return-Path (RFC 5321 §4.4: the final delivery adds it), our Authentication-Results and Received. */
function withTraceFields(
  body: Buffer,
  session: SMTPServerSession,
  name: string,
  authentication: string,
): Uint8Array {
  const mailFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
  const helo = sanitize(session.hostNameAppearsAs || 'unknown');
  const reverse = sanitize(session.clientHostname || session.remoteAddress);
  const protocol = session.secure ? 'ESMTPS' : 'ESMTP';
  const trace =
    `Return-Path: <${sanitize(mailFrom)}>\r\n` +
    authentication +
    `Received: from ${helo} (${reverse} [${session.remoteAddress}])\r\n` +
    `\tby ${name} (abuse-intake) with ${protocol} id ${session.id};\r\n` +
    `\t${new Date().toUTCString().replace('GMT', '+0000')}\r\n`;
  return Buffer.concat([Buffer.from(trace, 'utf8'), body]);
}

/** Keeps client-chosen strings from breaking out of the trace field (no CR/LF, no brackets). */
function sanitize(text: string): string {
  return text
    .replace(/[^\x21-\x7e]/g, '')
    .replace(/[<>()[\]]/g, '')
    .slice(0, 255);
}

function smtpError(code: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode: code });
}
