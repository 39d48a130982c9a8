import { authenticate, type DNSResolver } from 'mailauth';

export type { DNSResolver } from 'mailauth';

/** A reporter's DNS that does not answer within this time leaves the mail unauthenticated, not stuck. */
const AUTHENTICATION_TIMEOUT_MS = 10_000;

/** What the SMTP session knew about the sender. */
export interface SubmissionContext {
  readonly raw: Uint8Array;
  readonly ip: string;
  readonly helo: string;
  readonly mailFrom: string;
  /** Our authserv-id (RFC 8601 §2.5); the reporter-trust check trusts only fields with it. */
  readonly authservId: string;
  /** DNS for SPF/DKIM/DMARC; the default is the system resolver. */
  readonly resolver?: DNSResolver;
}

/**
 * Our `Authentication-Results` field for an incoming submission (SPF RFC 7208, DKIM RFC 6376, DMARC RFC 7489,
 * via mailauth), to be put on top of the mail. When verification fails or times out the field says `none`, so a
 * sender's own field claiming our authserv-id is never the top-most one (RFC 8601 §5).
 */
export async function authenticationResultsField(context: SubmissionContext): Promise<string> {
  const fallback = `Authentication-Results: ${context.authservId}; none\r\n`;
  let timer: NodeJS.Timeout | number | undefined;
  try {
    const result = await Promise.race([
      authenticate(Buffer.from(context.raw), {
        ip: context.ip,
        helo: context.helo,
        sender: context.mailFrom,
        mta: context.authservId,
        disableArc: true,
        disableBimi: true,
        ...(context.resolver ? { resolver: context.resolver } : {}),
      }),
      new Promise<undefined>((resolve) => {
        timer = globalThis.setTimeout(resolve, AUTHENTICATION_TIMEOUT_MS);
      }),
    ]);
    const field = result?.headers
      ?.split(/\r?\n(?=\S)/)
      .find((line) => /^Authentication-Results:/i.test(line));
    return field ? `${field.replace(/\r?\n$/, '').replace(/\r?\n/g, '\r\n')}\r\n` : fallback;
  } catch {
    return fallback;
  } finally {
    clearTimeout(timer);
  }
}
