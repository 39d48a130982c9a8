import { decodeCharset } from './charset.ts';

/** A structured MIME header value: `type/subtype` or disposition type, lower-cased, and its parameters. */
export interface MimeHeaderValue {
  readonly value: string;
  /** Parameter names lower-cased; RFC 2231 continuations joined and charsets decoded. */
  readonly params: Readonly<Record<string, string>>;
}

/** Splits `a; b="x;y"; c` on semicolons outside quotes. */
function splitParameters(text: string): string[] {
  const pieces: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\\' && quoted && i + 1 < text.length) {
      current += char + text[i + 1];
      i++;
    } else if (char === '"') {
      quoted = !quoted;
      current += char;
    } else if (char === ';' && !quoted) {
      pieces.push(current);
      current = '';
    } else current += char;
  }
  pieces.push(current);
  return pieces;
}

function unquote(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')) {
    return trimmed.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  // An unterminated quote (seen in the wild after a broken fold) keeps what follows it.
  if (trimmed.startsWith('"')) return trimmed.slice(1);
  return trimmed;
}

/** Decodes an RFC 2231 §4 extended value `charset'language'percent-encoded`. */
function decodeExtendedValue(text: string, withCharset: boolean): string {
  let charset = 'us-ascii';
  let encoded = text;
  if (withCharset) {
    const first = text.indexOf("'");
    const second = first < 0 ? -1 : text.indexOf("'", first + 1);
    if (second > first) {
      charset = text.slice(0, first) || 'us-ascii';
      encoded = text.slice(second + 1);
    }
  }
  const bytes: number[] = [];
  for (let i = 0; i < encoded.length; i++) {
    const char = encoded.charCodeAt(i);
    if (char === 0x25 && /^[0-9a-fA-F]{2}$/.test(encoded.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(encoded.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(char & 0xff);
  }
  return decodeCharset(Uint8Array.from(bytes), charset).text;
}

/**
 * Parses a Content-Type or Content-Disposition value (RFC 2045 §5.1, RFC 2183), including RFC 2231
 * continuations (`name*0*=`), charset-tagged values, and the real-world `boundary = x` with spaces.
 */
export function parseMimeHeaderValue(input: string): MimeHeaderValue {
  const [head = '', ...rest] = splitParameters(input);
  const params: Record<string, string> = {};
  const continued: Record<string, { index: number; text: string; extended: boolean }[]> = {};
  for (const piece of rest) {
    const eq = piece.indexOf('=');
    if (eq < 0) continue;
    const rawName = piece.slice(0, eq).trim().toLowerCase();
    const rawValue = piece.slice(eq + 1);
    if (!rawName) continue;
    const match = /^([^*]+)\*(?:(\d+)\*?|)$/.exec(rawName);
    if (match && (rawName.endsWith('*') || match[2] !== undefined)) {
      const name = match[1]!;
      const index = match[2] === undefined ? 0 : Number(match[2]);
      const extended = rawName.endsWith('*');
      const segments = continued[name] ?? [];
      segments.push({ index, text: extended ? rawValue.trim() : unquote(rawValue), extended });
      continued[name] = segments;
    } else if (!(rawName in params)) params[rawName] = unquote(rawValue);
  }
  for (const [name, segments] of Object.entries(continued)) {
    segments.sort((a, b) => a.index - b.index);
    // RFC 2231 §4.1: only the first segment carries charset'language'.
    const joined = segments
      .map((segment, position) =>
        segment.extended ? decodeExtendedValue(segment.text, position === 0) : segment.text,
      )
      .join('');
    params[name] = joined;
  }
  return { value: head.trim().toLowerCase(), params };
}
