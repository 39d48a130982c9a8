/**
 * Stands in for iconv-lite in the Lambda bundles (esbuild `alias`, see infra/constructs/function-bundling.ts).
 * iconv-lite's code-page tables are 480 KiB of the intake bundle, reached only through @kenjiuno/msgreader,
 * which calls `decode` only when given an `ansiEncoding` (the parser gives none) and `encode` only when writing
 * .msg files (never). Node's TextDecoder (full ICU in Node and Lambda) decodes the same WHATWG encodings.
 */

/** iconv-lite names that are not WHATWG labels, mapped to the label TextDecoder knows. */
const LABELS: Readonly<Record<string, string>> = { ucs2: 'utf-16le', utf16le: 'utf-16le', binary: 'latin1' };

/**
 * Windows-1252 bytes 0x80-0x9F, with U+FFFD for the five unassigned ones as iconv-lite gives them. Decoded by
 * hand because Node's TextDecoder has treated windows-1252 as ISO-8859-1 in some releases (C1 controls).
 */
const WINDOWS_1252_HIGH =
  '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd' +
  '\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';
const WINDOWS_1252_NAMES = new Set(['windows-1252', 'cp1252', 'win1252']);

/** Decodes `bytes` in `encoding`, like iconv-lite's decode. */
export function decode(bytes: Uint8Array, encoding: string): string {
  const name = encoding.toLowerCase();
  if (WINDOWS_1252_NAMES.has(name)) {
    let text = '';
    for (const byte of bytes) {
      text += byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
    }
    return text;
  }
  return new TextDecoder(LABELS[name] ?? name).decode(bytes);
}

/** Encoding to code pages is not needed by anything bundled; refuse rather than write wrong bytes. */
export function encode(_text: string, encoding: string): Uint8Array {
  throw new RangeError(`iconv-lite encode to ${encoding} is not available in the Lambda bundle`);
}

/** Whether `decode` can handle `encoding`. */
export function encodingExists(encoding: string): boolean {
  const name = encoding.toLowerCase();
  try {
    new TextDecoder(LABELS[name] ?? name);
    return true;
  } catch {
    return false;
  }
}

export default { decode, encode, encodingExists };
