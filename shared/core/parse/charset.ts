import { Buffer } from 'node:buffer';

/** Aliases seen in mail that the WHATWG encoding registry does not know. */
const CHARSET_ALIASES: Readonly<Record<string, string>> = {
  utf8: 'utf-8',
  'x-unknown': 'windows-1252',
  unknown: 'windows-1252',
  ascii: 'windows-1252',
  'us-ascii': 'windows-1252', // WHATWG maps us-ascii to windows-1252 too; 8-bit bytes then survive
  'iso-8859-8-i': 'iso-8859-8',
  cp1252: 'windows-1252',
  'ks_c_5601-1987': 'euc-kr',
  'x-mac-roman': 'macintosh',
};

const decoders = new Map<string, TextDecoder | null>();

function decoderFor(label: string): TextDecoder | null {
  const key = label.trim().toLowerCase();
  const cached = decoders.get(key);
  if (cached !== undefined) return cached;
  let decoder: TextDecoder | null;
  try {
    decoder = new TextDecoder(CHARSET_ALIASES[key] ?? key, { fatal: false });
  } catch {
    decoder = null;
  }
  decoders.set(key, decoder);
  return decoder;
}

/** Text and whether the declared charset was usable. */
export interface DecodedText {
  readonly text: string;
  readonly charsetKnown: boolean;
}

/**
 * Decodes bytes in the declared charset (RFC 2046 §4.1.2) with the platform's full-ICU TextDecoder.
 * An unknown charset falls back to UTF-8 when the bytes are valid UTF-8, else windows-1252 (never throws).
 */
export function decodeCharset(bytes: Uint8Array, charset: string | undefined): DecodedText {
  if (!charset) return { text: decodeUnlabelled(bytes), charsetKnown: true };
  const decoder = decoderFor(charset);
  if (decoder) return { text: decoder.decode(bytes), charsetKnown: true };
  return { text: decodeUnlabelled(bytes), charsetKnown: false };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes unlabelled bytes: ASCII and UTF-8 as such, anything else as windows-1252. */
export function decodeUnlabelled(bytes: Uint8Array): string {
  let ascii = true;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! >= 0x80) {
      ascii = false;
      break;
    }
  }
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (ascii) return view.toString('latin1');
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return decoderFor('windows-1252')!.decode(bytes);
  }
}

/**
 * Decodes a raw header block: ASCII and UTF-8 (RFC 6532) as such, anything else as latin1, so that
 * `Buffer.from(text, 'latin1')` gives the exact bytes back for DKIM.
 */
export function decodeHeaderBytes(bytes: Uint8Array): string {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! >= 0x80) {
      try {
        return strictUtf8.decode(bytes);
      } catch {
        return view.toString('latin1');
      }
    }
  }
  return view.toString('latin1');
}
