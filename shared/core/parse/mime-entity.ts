import type { Buffer } from 'node:buffer';
import type { HeaderField } from '../model/index.ts';
import { decodeHeaderBytes } from './charset.ts';
import { decodeEncodedWords } from './encoded-words.ts';
import { headerValue, readHeaderBlock } from './header-block.ts';
import { ParseLimitError } from './limits.ts';
import { type MimeHeaderValue, parseMimeHeaderValue } from './mime-parameters.ts';
import type { ParseContext } from './parse-context.ts';

/** One MIME entity inside a CRLF buffer: its parsed header block and where its body lies. Bodies stay bytes. */
export interface MimeEntity {
  readonly buf: Buffer;
  readonly start: number;
  /** End of the header block, before the empty line. */
  readonly headerEnd: number;
  readonly bodyStart: number;
  readonly end: number;
  readonly depth: number;
  readonly headers: readonly HeaderField[];
  /** The header block as text, CRLF line ends, without the empty line. */
  readonly headerText: string;
  /** `type/subtype` lower-cased; `text/plain` when absent (RFC 2045 §5.2). */
  readonly mediaType: string;
  readonly contentType: MimeHeaderValue;
  readonly disposition: MimeHeaderValue | undefined;
  /** Lower-cased Content-Transfer-Encoding, `7bit` when absent. */
  readonly transferEncoding: string;
  /** Whether an empty line separated headers from body (false: headers-only or broken). */
  readonly hasSeparator: boolean;
}

const CR = 0x0d;
const LF = 0x0a;
const COLON = 0x3a;

/** Whether the line at [start, end) starts a header field: field-name chars then optional WSP and a colon. */
function isFieldStart(buf: Buffer, start: number, end: number): boolean {
  let i = start;
  while (i < end) {
    const byte = buf[i]!;
    if (byte === COLON) return i > start;
    if (byte < 0x21 || byte > 0x7e) break;
    i++;
  }
  while (i < end && (buf[i] === 0x20 || buf[i] === 0x09)) i++;
  return i > start && i < end && buf[i] === COLON;
}

function isBlank(buf: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (buf[i] !== 0x20 && buf[i] !== 0x09) return false;
  return true;
}

/** Whether the line at `start` is a continuation line with content (folded text, RFC 5322 §2.2.3). */
function continuesField(buf: Buffer, start: number, end: number): boolean {
  if (start >= end) return false;
  let lineEnd = buf.indexOf('\r\n', start);
  if (lineEnd < 0 || lineEnd > end) lineEnd = end;
  const byte = buf[start];
  return (byte === 0x20 || byte === 0x09) && !isBlank(buf, start, lineEnd);
}

/** Where the header block of the entity at `start` ends and its body begins. */
function findHeaderEnd(
  buf: Buffer,
  start: number,
  end: number,
  maxFields: number,
): { headerEnd: number; bodyStart: number; hasSeparator: boolean; blankSeparator?: true } {
  let pos = start;
  let first = true;
  let fields = 0;
  while (pos < end) {
    let lineEnd = buf.indexOf('\r\n', pos);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    const next = Math.min(lineEnd + 2, end);
    if (lineEnd === pos) return { headerEnd: pos, bodyStart: next, hasSeparator: true };
    const byte = buf[pos]!;
    const continuation = (byte === 0x20 || byte === 0x09) && !first;
    if (continuation && isBlank(buf, pos, lineEnd) && !continuesField(buf, next, end)) {
      // A whitespace-only line not followed by folded text: some gateways (Domino) write " " as the empty line.
      return { headerEnd: pos, bodyStart: next, hasSeparator: true, blankSeparator: true };
    }
    if (!continuation && !isFieldStart(buf, pos, lineEnd)) {
      return { headerEnd: pos, bodyStart: pos, hasSeparator: false };
    }
    // Stop scanning early so a hostile block of millions of fields costs no more than the limit allows.
    if (!continuation && ++fields > maxFields) {
      throw new ParseLimitError('header-fields', `more than ${maxFields} header fields in one block`);
    }
    first = false;
    pos = next;
    if (lineEnd === end) break;
  }
  return { headerEnd: end, bodyStart: end, hasSeparator: false };
}

/** Reads the entity in `buf[start, end)`: parses its header block, leaves the body as a byte range. */
export function readEntity(
  buf: Buffer,
  start: number,
  end: number,
  depth: number,
  ctx: ParseContext,
): MimeEntity {
  ctx.checkDepth(depth);
  ctx.countPart();
  let from = start;
  // A leading whitespace-only line before the first field (seen from Thunderbird) is skipped.
  while (from < end && (buf[from] === 0x20 || buf[from] === 0x09)) {
    let i = from;
    while (i < end && (buf[i] === 0x20 || buf[i] === 0x09)) i++;
    if (buf[i] === CR && buf[i + 1] === LF) {
      ctx.deviate('mime.leading-blank-line', 'a whitespace-only line precedes the first header field');
      from = i + 2;
    } else break;
  }
  if (from < end && (buf[from] === 0x20 || buf[from] === 0x09)) {
    // A first field indented by mistake (" From: …") is still the first field.
    let i = from;
    while (i < end && (buf[i] === 0x20 || buf[i] === 0x09)) i++;
    let lineEnd = buf.indexOf('\r\n', i);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    if (isFieldStart(buf, i, lineEnd)) {
      ctx.deviate('header.leading-whitespace', 'the first header field is indented');
      from = i;
    }
  }
  const { headerEnd, bodyStart, hasSeparator, blankSeparator } = findHeaderEnd(
    buf,
    from,
    end,
    ctx.limits.maxHeaderFields,
  );
  if (blankSeparator) ctx.deviate('mime.whitespace-separator', 'a whitespace-only line ends a header block');
  const headerText = decodeHeaderBytes(buf.subarray(from, headerEnd)).replace(/\r\n$/, '');
  const reading = readHeaderBlock(headerText, ctx.limits);
  if (reading.leadingContinuation) {
    ctx.deviate('header.leading-continuation', 'a header block starts with a continuation line');
  }
  const headers = reading.fields;
  const contentTypeRaw = headerValue(headers, 'content-type');
  let contentType = parseMimeHeaderValue(contentTypeRaw ?? 'text/plain');
  if (!/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(contentType.value)) {
    ctx.deviate('mime.content-type-invalid', `Content-Type "${contentType.value}" is not type/subtype`);
    contentType = { value: 'application/octet-stream', params: contentType.params };
  }
  const dispositionRaw = headerValue(headers, 'content-disposition');
  const transferEncoding = (headerValue(headers, 'content-transfer-encoding') ?? '7bit').trim().toLowerCase();
  return {
    buf,
    start: from,
    headerEnd,
    bodyStart,
    end,
    depth,
    headers,
    headerText,
    mediaType: contentType.value,
    contentType,
    disposition: dispositionRaw === undefined ? undefined : parseMimeHeaderValue(dispositionRaw),
    transferEncoding,
    hasSeparator,
  };
}

/** The file name an entity carries (Content-Disposition filename, else Content-Type name), lower-cased. */
export function entityFileName(entity: MimeEntity): string | undefined {
  const name = entity.disposition?.params['filename'] ?? entity.contentType.params['name'];
  // Outlook and others put RFC 2047 words in quoted parameter values though RFC 2047 §5 forbids it.
  return name === undefined ? undefined : decodeEncodedWords(name).toLowerCase();
}
