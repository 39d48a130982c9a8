import { createPublicKey, type KeyObject } from 'node:crypto';

/** RFC 8410 §4 SubjectPublicKeyInfo prefix for a raw 32-byte Ed25519 key (the DNS p= form, RFC 8463 §4.2). */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const ED25519_RAW_LENGTH = 32;
/**
 * Parsed keys kept by their text: every report signed by the platform is verified with the same few keys, and
 * building a KeyObject (DER parse) per verification is a measurable share of attribution. Bounded, so a stream of
 * distinct keys from DNS cannot grow memory.
 */
const MAX_CACHED_KEYS = 256;
const parsedKeys = new Map<string, KeyObject | undefined>();

/**
 * Reads a DKIM public key as configured: PEM, a DNS record's `p=` value (base64 SubjectPublicKeyInfo for RSA,
 * raw 32 bytes for Ed25519), or the whole TXT record (`v=DKIM1; k=rsa; p=…`). Undefined when it is none of
 * these or not an RSA/Ed25519 key.
 */
export function readPublicKey(text: string): KeyObject | undefined {
  if (parsedKeys.has(text)) return parsedKeys.get(text);
  const key = parseKey(text);
  if (parsedKeys.size >= MAX_CACHED_KEYS) parsedKeys.clear();
  parsedKeys.set(text, key);
  return key;
}

function parseKey(text: string): KeyObject | undefined {
  const key = text.includes('-----BEGIN') ? fromPem(text) : fromBase64(pValue(text));
  const type = key?.asymmetricKeyType;
  return type === 'rsa' || type === 'ed25519' ? key : undefined;
}

function fromPem(text: string): KeyObject | undefined {
  try {
    return createPublicKey(text);
  } catch {
    return undefined;
  }
}

/** The `p=` tag of a DKIM key record (RFC 6376 §3.6.1), or the text itself when it has no tags. */
function pValue(text: string): string {
  const tag = /(?:^|;)\s*p\s*=([^;]*)/.exec(text);
  return (tag?.[1] ?? text).replace(/\s+/g, '');
}

function fromBase64(text: string): KeyObject | undefined {
  if (text === '' || !/^[A-Za-z0-9+/]+=*$/.test(text)) return undefined;
  const der = Buffer.from(text, 'base64');
  const spki = der.length === ED25519_RAW_LENGTH ? Buffer.concat([ED25519_SPKI_PREFIX, der]) : der;
  for (const type of ['spki', 'pkcs1'] as const) {
    try {
      return createPublicKey({ key: spki, format: 'der', type });
    } catch {
      // Some operators publish PKCS#1 RSAPublicKey instead of SPKI; try it next.
    }
  }
  return undefined;
}
