import { Buffer } from 'node:buffer';

const CR = 0x0d;
const LF = 0x0a;

/** Whether `bytes[start, end)` holds a bare CR or bare LF (anything but CRLF line ends). */
export function hasBareLineEnds(bytes: Uint8Array, start = 0, end = bytes.length): boolean {
  // indexOf jumps between line ends natively; a byte loop in JS would cost a millisecond per megabyte.
  for (let lf = bytes.indexOf(LF, start); lf >= 0 && lf < end; lf = bytes.indexOf(LF, lf + 1)) {
    if (lf === start || bytes[lf - 1] !== CR) return true;
  }
  for (let cr = bytes.indexOf(CR, start); cr >= 0 && cr < end; cr = bytes.indexOf(CR, cr + 1)) {
    if (cr + 1 >= end || bytes[cr + 1] !== LF) return true;
  }
  return false;
}

/**
 * Returns the bytes with every line end as CRLF (RFC 5322 §2.1). Mail stored by Unix tools uses LF and some
 * old Mac clients CR only; DKIM and boundaries are defined on CRLF, so everything downstream sees CRLF.
 * Returns a view of the input, without copying, when it already uses CRLF throughout (`bare` false).
 */
export function toCrlf(bytes: Uint8Array, bare = hasBareLineEnds(bytes)): Buffer {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!bare) return view;
  let extra = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === LF) extra++;
    else if (byte === CR) {
      if (bytes[i + 1] === LF) i++;
      else extra++;
    }
  }
  const out = Buffer.allocUnsafe(bytes.length + extra);
  let o = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte === LF) {
      out[o++] = CR;
      out[o++] = LF;
    } else if (byte === CR) {
      out[o++] = CR;
      out[o++] = LF;
      if (bytes[i + 1] === LF) i++;
    } else out[o++] = byte;
  }
  return out.subarray(0, o);
}

/** The string with every line end as CRLF. */
export function stringToCrlf(text: string): string {
  return /\r(?!\n)|(?<!\r)\n/.test(text) ? text.replace(/\r\n|\r|\n/g, '\r\n') : text;
}
