import type { DkimSignatureField, HeaderField } from '../model/index.ts';

/** Tag values in which folding whitespace is insignificant (RFC 6376 §3.5: b, bh, h). */
const WHITESPACE_FREE_TAGS = new Set(['b', 'bh', 'h']);

/** Splits a DKIM tag-list (RFC 6376 §3.2) into lower-cased tag names and values. */
export function parseTagList(value: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const piece of value.split(';')) {
    const eq = piece.indexOf('=');
    if (eq < 0) continue;
    const name = piece.slice(0, eq).trim().toLowerCase();
    if (!name || tags.has(name)) continue;
    const raw = piece.slice(eq + 1);
    tags.set(name, WHITESPACE_FREE_TAGS.has(name) ? raw.replace(/\s+/g, '') : raw.trim());
  }
  return tags;
}

/** Parses a `DKIM-Signature` field into its tags (RFC 6376 §3.5); `headerIndex` is its position in the block. */
export function parseDkimSignature(field: HeaderField, headerIndex: number): DkimSignatureField {
  const tags = parseTagList(field.value);
  const result: { -readonly [K in keyof DkimSignatureField]: DkimSignatureField[K] } = {
    headerIndex,
    raw: field.raw,
    h: (tags.get('h') ?? '')
      .split(':')
      .map((name) => name.trim().toLowerCase())
      .filter((name) => name !== ''),
  };
  const d = tags.get('d');
  if (d) result.d = d.toLowerCase().replace(/\.$/, '');
  const text = (name: 's' | 'a' | 'c' | 'i' | 'bh'): void => {
    const tag = tags.get(name);
    if (tag) result[name] = tag;
  };
  text('s');
  text('a');
  text('c');
  text('i');
  text('bh');
  const number = (name: 'l' | 't' | 'x'): void => {
    const tag = tags.get(name);
    if (tag && /^\d+$/.test(tag)) result[name] = Number(tag);
  };
  number('l');
  number('t');
  number('x');
  return result;
}
