/**
 * DKIM canonicalization (RFC 6376 §3.4) and header selection (§5.4.2), shared by the verifier and the test
 * signer so both hash exactly the same bytes.
 */
import type { HeaderField } from '../model/index.ts';

export type Canonicalization = 'simple' | 'relaxed';

/** Splits `c=` into header and body algorithms; a missing body part means simple (RFC 6376 §3.5 c=). */
export function parseCanonicalization(
  c: string | undefined,
): { header: Canonicalization; body: Canonicalization } | undefined {
  const [header = 'simple', body = 'simple'] = (c ?? 'simple/simple').toLowerCase().split('/');
  if (!isCanonicalization(header) || !isCanonicalization(body)) return undefined;
  return { header, body };
}

function isCanonicalization(value: string): value is Canonicalization {
  return value === 'simple' || value === 'relaxed';
}

/** One header field canonicalized, with its trailing CRLF (RFC 6376 §3.4.1 simple, §3.4.2 relaxed). */
export function canonicalizeHeader(raw: string, mode: Canonicalization): string {
  if (mode === 'simple') return `${raw.replace(/\r?\n/g, '\r\n')}\r\n`;
  const colon = raw.indexOf(':');
  const name = raw.slice(0, colon).trim().toLowerCase();
  const value = raw
    .slice(colon + 1)
    .replace(/\r?\n/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
  return `${name}:${value}\r\n`;
}

/**
 * The body canonicalized (RFC 6376 §3.4.3 simple, §3.4.4 relaxed), truncated to `l=` octets when given
 * (§3.5 l=). Bare LF line ends count as CRLF, as mail stores deliver them.
 */
export function canonicalizeBody(body: Uint8Array, mode: Canonicalization, length?: number): Buffer {
  let text = Buffer.from(body).toString('latin1').replace(/\r?\n/g, '\r\n');
  if (mode === 'relaxed') {
    text = text.replace(/[ \t]+\r\n/g, '\r\n').replace(/[ \t]+/g, ' ');
    text = text.replace(/[ \t]+$/, '');
  }
  // Both algorithms drop empty lines at the end; simple keeps one CRLF for an empty body, relaxed none.
  text = text.replace(/(\r\n)*$/, '');
  if (text !== '' || mode === 'simple') text += '\r\n';
  const bytes = Buffer.from(text, 'latin1');
  return length === undefined ? bytes : bytes.subarray(0, length);
}

/**
 * Indexes into `headers` of the fields a signature's `h=` list selects: for each listed name the last
 * instance not yet used, working upwards; a name with no instance left selects nothing (RFC 6376 §5.4.2,
 * which is what makes oversigning work). `undefined` entries mark those empty selections.
 */
export function selectSignedHeaders(
  headers: readonly HeaderField[],
  h: readonly string[],
): (number | undefined)[] {
  const used = new Set<number>();
  return h.map((name) => {
    const wanted = name.toLowerCase();
    // The whole block is searched, fields added above the signature included: an injected copy of an
    // oversigned field is then selected and breaks the signature, as the signer intended.
    for (let i = headers.length - 1; i >= 0; i--) {
      if (!used.has(i) && headers[i]?.name.toLowerCase() === wanted) {
        used.add(i);
        return i;
      }
    }
    return undefined;
  });
}

/** The DKIM-Signature field with the value of its `b=` tag removed, as hashed last (RFC 6376 §3.7). */
export function withoutSignatureValue(raw: string): string {
  const colon = raw.indexOf(':');
  return raw.slice(0, colon + 1) + raw.slice(colon + 1).replace(/(^|;)(\s*b\s*=)[^;]*/i, '$1$2');
}

/** The `b=` tag value with folding whitespace removed (RFC 6376 §3.5), or undefined. */
export function signatureValue(raw: string): string | undefined {
  const match = /(?:^|;)\s*b\s*=([^;]*)/i.exec(raw.slice(raw.indexOf(':') + 1));
  const value = match?.[1]?.replace(/\s+/g, '');
  return value === undefined || value === '' ? undefined : value;
}

/**
 * The bytes a signature's header hash covers: the selected fields, then the signature field itself. The parser
 * decodes header bytes as UTF-8 (RFC 6532) when they are valid UTF-8, else as latin1, hence `encoding`.
 */
export function signedHeaderData(
  headers: readonly HeaderField[],
  selected: readonly (number | undefined)[],
  signatureRaw: string,
  mode: Canonicalization,
  encoding: 'utf8' | 'latin1' = 'utf8',
): Buffer {
  const lines = selected.flatMap((i) =>
    i === undefined ? [] : [canonicalizeHeader(headers[i]?.raw ?? '', mode)],
  );
  // The signature field is hashed without its trailing CRLF (RFC 6376 §3.7, step 2).
  const self = canonicalizeHeader(withoutSignatureValue(signatureRaw), mode).replace(/\r\n$/, '');
  return Buffer.from(lines.join('') + self, encoding);
}
