import { Buffer } from 'node:buffer';
import { toCrlf } from './line-ends.ts';
import type { MimeEntity } from './mime-entity.ts';
import type { ParseContext } from './parse-context.ts';

const IDENTITY_ENCODINGS = new Set(['7bit', '8bit', 'binary', '']);

function hexValue(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x57;
  return -1;
}

/** Decodes quoted-printable (RFC 2045 §6.7), keeping malformed `=` sequences literally as robust decoders do. */
export function decodeQuotedPrintable(input: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(input.length);
  let o = 0;
  for (let i = 0; i < input.length; i++) {
    const byte = input[i]!;
    if (byte !== 0x3d) {
      out[o++] = byte;
      continue;
    }
    const a = input[i + 1];
    const b = input[i + 2];
    if (a === 0x0d && b === 0x0a) {
      i += 2; // soft line break
    } else if (a === 0x0a) {
      i += 1;
    } else if (a !== undefined && b !== undefined && hexValue(a) >= 0 && hexValue(b) >= 0) {
      out[o++] = hexValue(a) * 16 + hexValue(b);
      i += 2;
    } else {
      // Soft break with trailing whitespace before the line end (RFC 2045 §6.7 rule 3).
      let j = i + 1;
      while (input[j] === 0x20 || input[j] === 0x09) j++;
      if (input[j] === 0x0d && input[j + 1] === 0x0a) i = j + 1;
      else out[o++] = byte;
    }
  }
  return out.subarray(0, o);
}

/** The body bytes of an entity with its Content-Transfer-Encoding removed (RFC 2045 §6). */
export function decodedBody(entity: MimeEntity, ctx: ParseContext): Buffer {
  const raw = entity.buf.subarray(entity.bodyStart, entity.end);
  const encoding = entity.transferEncoding;
  if (encoding === 'base64') return Buffer.from(raw.toString('latin1'), 'base64');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(raw);
  if (!IDENTITY_ENCODINGS.has(encoding)) {
    ctx.deviate(
      'mime.transfer-encoding-unknown',
      `unknown Content-Transfer-Encoding "${encoding}" read as 8bit`,
    );
  }
  return raw;
}

/** The body of an entity that holds a whole message, decoded and with CRLF line ends. */
export function messageBytes(entity: MimeEntity, ctx: ParseContext): Buffer {
  if (IDENTITY_ENCODINGS.has(entity.transferEncoding))
    return entity.buf.subarray(entity.bodyStart, entity.end);
  ctx.deviate(
    'mime.encoded-message',
    `an enclosed message uses Content-Transfer-Encoding ${entity.transferEncoding} (RFC 2046 §5.2.1 forbids it)`,
  );
  return toCrlf(decodedBody(entity, ctx));
}

/**
 * About the first `size` decoded bytes of an entity's body, decoding only as much as that needs (to sniff an
 * unlabelled attachment without decoding megabytes of base64).
 */
export function decodedPrefix(entity: MimeEntity, size: number, ctx: ParseContext): Buffer {
  // Base64 grows 4/3 plus line breaks; quoted-printable at most 3x.
  const encodedSize = Math.ceil(size * 1.5) + 4;
  const end = Math.min(entity.end, entity.bodyStart + encodedSize);
  return decodedBody({ ...entity, end }, ctx).subarray(0, size);
}
