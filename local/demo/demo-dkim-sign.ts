import { createHash, createPrivateKey, sign } from 'node:crypto';
import {
  canonicalizeBody,
  selectSignedHeaders,
  signedHeaderData,
} from '../../shared/core/attribute/dkim-canonicalize.ts';
import { parseHeaderBlock } from '../../shared/core/parse/index.ts';

/** A DKIM signing identity (d=, s=) and its Ed25519 private key (PEM). */
export interface DemoSigner {
  readonly domain: string;
  readonly selector: string;
  readonly privateKey: string;
}

/**
 * Prepends an `ed25519-sha256`, `relaxed/relaxed` DKIM-Signature (RFC 6376 §5, RFC 8463) over `headers` (names;
 * a name listed more often than it occurs is oversigned, so a copy added later breaks the signature). Uses the
 * same canonicalization code the verifier does.
 */
export function signMail(mail: string, signer: DemoSigner, headers: readonly string[], time: number): string {
  const split = mail.indexOf('\r\n\r\n');
  const headerText = split === -1 ? mail : mail.slice(0, split);
  const body = split === -1 ? '' : mail.slice(split + 4);
  const bh = createHash('sha256')
    .update(canonicalizeBody(Buffer.from(body, 'utf8'), 'relaxed'))
    .digest('base64');
  const unsigned =
    `v=1; a=ed25519-sha256; c=relaxed/relaxed; d=${signer.domain}; s=${signer.selector}; t=${time};\r\n` +
    `\th=${headers.join(':')}; bh=${bh}; b=`;
  const fields = parseHeaderBlock(headerText);
  const data = signedHeaderData(
    fields,
    selectSignedHeaders(fields, headers),
    `DKIM-Signature: ${unsigned}`,
    'relaxed',
  );
  // RFC 8463 §3: Ed25519 signs the SHA-256 hash of the header data (PureEdDSA over the digest).
  const b = sign(null, createHash('sha256').update(data).digest(), createPrivateKey(signer.privateKey));
  return `DKIM-Signature: ${unsigned}${b.toString('base64').replace(/(.{72})/g, '$1\r\n\t')}\r\n${mail}`;
}
