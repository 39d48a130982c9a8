import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decode, encode, encodingExists } from '../../functions/iconv-lite-shim.ts';

const samples: readonly [string, string][] = [
  ['windows-1252', 'Caf\u00e9 \u20ac5 \u201cquoted\u201d \u2122\u0178'],
  ['cp1252', '\u0160\u0161\u017d'],
  ['utf-16le', 'R\u00e9sum\u00e9 \u65e5\u672c'],
  ['ucs2', 'plain'],
  ['latin1', 'na\u00efve'],
  ['shift_jis', '\u65e5\u672c\u8a9e\u306e\u4ef6\u540d'],
  ['iso-8859-2', '\u017b\u00f3\u0142w'],
  ['utf-8', 'caf\u00e9 \u{1f4e7}'],
];

describe('iconv-lite shim for the Lambda bundles', () => {
  it.each(samples)('decodes %s exactly as iconv-lite does', (encoding, text) => {
    const bytes = iconv.encode(text, encoding);
    expect(decode(new Uint8Array(bytes), encoding)).toBe(iconv.decode(bytes, encoding));
  });

  it('decodes every windows-1252 byte as iconv-lite does', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(decode(bytes, 'windows-1252')).toBe(iconv.decode(Buffer.from(bytes), 'windows-1252'));
  });

  it('knows the encodings TextDecoder supports and refuses to encode', () => {
    expect(encodingExists('windows-1252')).toBe(true);
    expect(encodingExists('no-such-charset')).toBe(false);
    expect(() => encode('x', 'windows-1252')).toThrow(RangeError);
  });
});
