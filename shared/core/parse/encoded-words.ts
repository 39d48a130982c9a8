import { Buffer } from 'node:buffer';
import { decodeCharset } from './charset.ts';

/** RFC 2047 §2 encoded-word, with the RFC 2231 §5 `*language` suffix allowed on the charset. */
const ENCODED_WORD = /=\?([^?\s*]+)(?:\*[^?\s]*)?\?([bBqQ])\?([^?]*)\?=/g;
/** RFC 2047 §6.2: whitespace between adjacent encoded-words is dropped. */
const BETWEEN_WORDS = /(=\?[^?\s]+\?[bBqQ]\?[^?]*\?=)\s+(?==\?[^?\s]+\?[bBqQ]\?[^?]*\?=)/g;

function wordBytes(encoding: string, text: string): Buffer {
  if (encoding === 'b' || encoding === 'B') return Buffer.from(text, 'base64');
  // Q encoding (RFC 2047 §4.2): underscore is space, =XX is a byte.
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === 0x5f) bytes.push(0x20);
    else if (char === 0x3d && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(char & 0xff);
  }
  return Buffer.from(bytes);
}

/**
 * Decodes RFC 2047 encoded-words in an unstructured header value (Subject, display names). Adjacent words
 * in the same charset are joined before decoding so multi-byte characters split across words survive.
 */
export function decodeEncodedWords(value: string): string {
  if (!value.includes('=?')) return value;
  const compact = value.replace(BETWEEN_WORDS, '$1');
  let result = '';
  let last = 0;
  let pending: { charset: string; bytes: Buffer[] } | undefined;
  const flush = (): void => {
    if (!pending) return;
    result += decodeCharset(Buffer.concat(pending.bytes), pending.charset).text;
    pending = undefined;
  };
  for (const match of compact.matchAll(ENCODED_WORD)) {
    const index = match.index ?? 0;
    if (index > last) {
      flush();
      result += compact.slice(last, index);
    }
    const charset = match[1]!.toLowerCase();
    const bytes = wordBytes(match[2]!, match[3]!);
    if (pending && pending.charset === charset) pending.bytes.push(bytes);
    else {
      flush();
      pending = { charset, bytes: [bytes] };
    }
    last = index + match[0].length;
  }
  flush();
  return result + compact.slice(last);
}
