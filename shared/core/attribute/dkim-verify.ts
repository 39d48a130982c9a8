/**
 * DKIM verification against configured keys, without DNS (RFC 6376 §6.1; algorithms of RFC 8301 and
 * RFC 8463). Outcomes are values: a signature that cannot be checked says why instead of throwing.
 */
import { createHash, type KeyObject, verify } from 'node:crypto';
import type { DkimSignatureField, ReportedMessage } from '../model/index.ts';
import {
  canonicalizeBody,
  parseCanonicalization,
  selectSignedHeaders,
  signatureValue,
  signedHeaderData,
} from './dkim-canonicalize.ts';

/** RFC 8301 §3.2: verifiers must not accept RSA keys shorter than 1024 bits. */
const MIN_RSA_BITS = 1024;

/**
 * How far the recorded arrival may run past x= before a signature counts as expired: arrival times come from
 * the recipient's clock or the reporter's Arrival-Date, while replays of a signed message come hours or days
 * after it expired.
 */
export const DKIM_EXPIRY_SKEW_SECONDS = 15 * 60;

/** Finds the public key for a signature's `s=`/`d=`; undefined when none is known (no DNS here). */
export type DkimKeyLookup = (domain: string, selector: string) => Promise<KeyObject | undefined>;

/**
 * What a signature proves.
 * - `pass`: header and body hashes verify.
 * - `header-pass`: headers-only original; the header hash verifies and the body could not be checked.
 * - `fail`: a hash or the signature does not verify (forged, altered, wrong key).
 * - `no-key`: no configured key for d=/s=, so nothing could be checked.
 * - `invalid`: malformed or unsupported (rsa-sha1, short key, From not signed…).
 */
export type DkimResult = 'pass' | 'header-pass' | 'fail' | 'no-key' | 'invalid';

/** The outcome for one DKIM-Signature field. */
export interface DkimCheck {
  readonly signature: DkimSignatureField;
  readonly domain: string;
  readonly selector: string;
  readonly result: DkimResult;
  /** Header indexes the signature covers (selected through h=); meaningful when the result is a pass. */
  readonly covered: ReadonlySet<number>;
  /** One sentence: why this result. */
  readonly reason: string;
}

/** Whether a check proves the headers it covers (DESIGN §3: a verified header hash does, bh aside). */
export function provesHeaders(check: DkimCheck): boolean {
  return check.result === 'pass' || check.result === 'header-pass';
}

/** What verification knows beyond the message. */
export interface DkimVerifyOptions {
  /** Shares body hashes between the signatures of one message. */
  readonly bodyHashes?: Map<string, string>;
  /** When the message reached its recipient, seconds since the epoch; without it x= is not checked. */
  readonly arrivedAt?: number;
}

/** Verifies one signature of `message` using `lookup` for its key. */
export async function verifyDkimSignature(
  message: ReportedMessage,
  signature: DkimSignatureField,
  lookup: DkimKeyLookup,
  options: DkimVerifyOptions = {},
): Promise<DkimCheck> {
  const bodyHashes = options.bodyHashes ?? new Map<string, string>();
  const domain = signature.d ?? '';
  const selector = signature.s ?? '';
  const selected = selectSignedHeaders(message.headers, signature.h);
  const covered = new Set(selected.filter((i): i is number => i !== undefined));
  const outcome = (result: DkimResult, reason: string): DkimCheck => ({
    signature,
    domain,
    selector,
    result,
    covered: result === 'pass' || result === 'header-pass' ? covered : new Set(),
    reason,
  });
  const algorithm = signature.a?.toLowerCase();
  const canonicalization = parseCanonicalization(signature.c);
  const b = signatureValue(signature.raw);
  if (domain === '' || selector === '' || b === undefined || signature.bh === undefined) {
    return outcome('invalid', 'the signature lacks d=, s=, b= or bh= (RFC 6376 §3.5)');
  }
  if (algorithm !== 'rsa-sha256' && algorithm !== 'ed25519-sha256') {
    return outcome('invalid', `algorithm ${algorithm ?? '(none)'} is not accepted (RFC 8301 §3.1)`);
  }
  if (canonicalization === undefined) return outcome('invalid', `unknown canonicalization c=${signature.c}`);
  if (!signature.h.some((name) => name.toLowerCase() === 'from')) {
    return outcome('invalid', 'h= does not include From (RFC 6376 §5.4)');
  }
  const identityDomain = signature.i?.slice(signature.i.lastIndexOf('@') + 1).toLowerCase();
  if (identityDomain !== undefined && identityDomain !== domain && !identityDomain.endsWith(`.${domain}`)) {
    return outcome('invalid', `i= ${signature.i} is outside d=${domain} (RFC 6376 §3.5 i=)`);
  }
  const expired = expiryProblem(signature, options.arrivedAt);
  if (expired !== undefined) return outcome('invalid', expired);
  const key = await lookup(domain, selector);
  if (key === undefined) return outcome('no-key', `no configured key for ${selector}._domainkey.${domain}`);
  const expectedType = algorithm === 'rsa-sha256' ? 'rsa' : 'ed25519';
  if (key.asymmetricKeyType !== expectedType) {
    return outcome('fail', `the key for ${selector}._domainkey.${domain} is not ${expectedType}`);
  }
  if (expectedType === 'rsa' && (key.asymmetricKeyDetails?.modulusLength ?? 0) < MIN_RSA_BITS) {
    return outcome('invalid', `the RSA key is shorter than ${MIN_RSA_BITS} bits (RFC 8301 §3.2)`);
  }
  const signed = (encoding: 'utf8' | 'latin1') =>
    checkSignature(
      expectedType,
      signedHeaderData(message.headers, selected, signature.raw, canonicalization.header, encoding),
      key,
      Buffer.from(b, 'base64'),
    );
  // Header text with only latin1-range characters may stand for either byte form; try the other one too.
  const eightBit = /[\x80-\xff]/.test(message.rawHeaders) && !/[^\x00-\xff]/.test(message.rawHeaders);
  if (!signed('utf8') && !(eightBit && signed('latin1'))) {
    return outcome('fail', `the header signature does not verify with ${selector}._domainkey.${domain}`);
  }
  if (message.completeness !== 'full' || message.rawBody === undefined) {
    return outcome('header-pass', 'the header hash verifies; the body was not reported, so bh= is unchecked');
  }
  const cacheKey = `${canonicalization.body}:${signature.l ?? ''}`;
  let bodyHash = bodyHashes.get(cacheKey);
  if (bodyHash === undefined) {
    const body = canonicalizeBody(message.rawBody, canonicalization.body, signature.l);
    bodyHash = createHash('sha256').update(body).digest('base64');
    bodyHashes.set(cacheKey, bodyHash);
  }
  if (bodyHash !== signature.bh.replace(/\s+/g, '')) {
    return outcome('fail', 'the body hash does not match bh=: the body was altered after signing');
  }
  return outcome('pass', `verifies with ${selector}._domainkey.${domain}, headers and body`);
}

/**
 * RFC 6376 §3.5 x=: x must exceed t, and a signature that expired before the message arrived is a replay of
 * a once-valid message (RFC 6376 §8.6); it proves nothing about who sent this copy.
 */
function expiryProblem(signature: DkimSignatureField, arrivedAt: number | undefined): string | undefined {
  const { t, x } = signature;
  if (x === undefined) return undefined;
  if (t !== undefined && x <= t) return `x= is not later than t= (RFC 6376 §3.5 x=)`;
  if (arrivedAt === undefined || arrivedAt <= x + DKIM_EXPIRY_SKEW_SECONDS) return undefined;
  const at = (seconds: number) => new Date(seconds * 1000).toISOString();
  return `the signature expired at ${at(x)} (x=), before the message arrived at ${at(arrivedAt)}: a replayed message (RFC 6376 §8.6)`;
}

/** RSA signs the data with SHA-256 (RFC 6376 §3.3.1); Ed25519 signs the SHA-256 digest (RFC 8463 §3). */
function checkSignature(type: 'rsa' | 'ed25519', data: Buffer, key: KeyObject, b: Buffer): boolean {
  try {
    if (type === 'rsa') return verify('sha256', data, key, b);
    return verify(null, createHash('sha256').update(data).digest(), key, b);
  } catch {
    return false;
  }
}
