import type { HeaderField } from '../model/index.ts';
import { ParseLimitError } from './limits.ts';

/** Bounds applied while splitting a header block; see ParseLimits. */
export interface HeaderBlockLimits {
  readonly maxHeaderFields: number;
  readonly maxHeaderLineLength: number;
}

const UNBOUNDED: HeaderBlockLimits = { maxHeaderFields: Infinity, maxHeaderLineLength: Infinity };

/** A field-name is printable US-ASCII except colon (RFC 5322 §2.2); obsolete syntax allows WSP before it (§4.5). */
const FIELD_LINE = /^[!-9;-~]+[ \t]*:/;

/** Result of reading a header block: its fields and the lines that were not fields at all. */
export interface HeaderBlockReading {
  readonly fields: HeaderField[];
  /** Lines that were neither a field nor a continuation (kept out of `fields`). */
  readonly invalidLines: number;
  /** Whether the block began with a continuation line (no field to attach it to). */
  readonly leadingContinuation: boolean;
}

/**
 * Splits a header block into fields, unfolding continuation lines (RFC 5322 §2.2.3), keeping each field's
 * raw text. Enforces `limits` by throwing ParseLimitError; the exported `parseHeaderBlock` sets none.
 */
export function readHeaderBlock(raw: string, limits: HeaderBlockLimits = UNBOUNDED): HeaderBlockReading {
  const lines = raw.split(/\r\n|\n|\r/);
  const fields: HeaderField[] = [];
  let invalidLines = 0;
  let leadingContinuation = false;
  let rawLines: string[] | undefined;
  let rawLength = 0;
  const flush = (): void => {
    if (!rawLines) return;
    const rawField = rawLines.join('\r\n');
    const colon = rawField.indexOf(':');
    const name = rawField.slice(0, colon).trimEnd();
    const value = unfold(rawField.slice(colon + 1));
    if (fields.length >= limits.maxHeaderFields) {
      throw new ParseLimitError(
        'header-fields',
        `more than ${limits.maxHeaderFields} header fields in one block`,
      );
    }
    fields.push({ name, value, raw: rawField });
    rawLines = undefined;
  };
  for (const line of lines) {
    if (line === '') continue;
    const first = line.charCodeAt(0);
    if (first === 0x20 || first === 0x09) {
      if (rawLines) {
        rawLength += line.length;
        if (rawLength > limits.maxHeaderLineLength) {
          throw new ParseLimitError(
            'header-line-length',
            `a header field is longer than ${limits.maxHeaderLineLength} characters`,
          );
        }
        rawLines.push(line);
      } else if (fields.length === 0) leadingContinuation = true;
      else invalidLines++;
      continue;
    }
    flush();
    if (FIELD_LINE.test(line)) {
      rawLines = [line];
      rawLength = line.length;
      if (rawLength > limits.maxHeaderLineLength) {
        throw new ParseLimitError(
          'header-line-length',
          `a header field is longer than ${limits.maxHeaderLineLength} characters`,
        );
      }
    } else invalidLines++;
  }
  flush();
  return { fields, invalidLines, leadingContinuation };
}

/** Splits a header block into fields (RFC 5322 §2.2): names as written, values unfolded, raw text kept. */
export function parseHeaderBlock(raw: string): HeaderField[] {
  return readHeaderBlock(raw).fields;
}

/** Unfolds a field body: removes CRLF before WSP and trims the ends (RFC 5322 §2.2.3). */
export function unfold(value: string): string {
  return value.replace(/\r?\n(?=[ \t])|\r(?=[ \t])/g, '').trim();
}

/** The value of the first field named `name` (case-insensitive), or undefined. */
export function headerValue(fields: readonly HeaderField[], name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const field of fields) if (field.name.toLowerCase() === wanted) return field.value;
  return undefined;
}

/** The values of every field named `name` (case-insensitive), in order. */
export function headerValues(fields: readonly HeaderField[], name: string): string[] {
  const wanted = name.toLowerCase();
  const values: string[] = [];
  for (const field of fields) if (field.name.toLowerCase() === wanted) values.push(field.value);
  return values;
}

/** Whether a line of text looks like the start of a header field. */
export function isFieldLine(line: string): boolean {
  return FIELD_LINE.test(line);
}
