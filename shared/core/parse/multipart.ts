import { type MimeEntity, readEntity } from './mime-entity.ts';
import type { ParseContext } from './parse-context.ts';

const DASH = 0x2d;

/** Whether the delimiter candidate ending at `afterBoundary` really ends its line (RFC 2046 §5.1.1). */
function delimiterKind(entity: MimeEntity, afterBoundary: number): 'part' | 'close' | undefined {
  const { buf, end } = entity;
  let i = afterBoundary;
  let kind: 'part' | 'close' = 'part';
  if (buf[i] === DASH && buf[i + 1] === DASH) {
    kind = 'close';
    i += 2;
  }
  // Transport padding (linear whitespace) may follow the delimiter.
  while (i < end && (buf[i] === 0x20 || buf[i] === 0x09)) i++;
  if (i >= end || (buf[i] === 0x0d && buf[i + 1] === 0x0a)) return kind;
  // Anything else means a longer boundary sharing this prefix, except after a close delimiter.
  return kind === 'close' ? 'close' : undefined;
}

/**
 * The body parts of a multipart entity (RFC 2046 §5.1). Tolerates a missing close delimiter (the last part
 * runs to the end) and records it; a body without any delimiter yields no parts.
 */
export function multipartChildren(entity: MimeEntity, ctx: ParseContext): MimeEntity[] {
  const boundary = entity.contentType.params['boundary'];
  if (!boundary) {
    ctx.deviate('mime.boundary-missing', `${entity.mediaType} without a boundary parameter`);
    return [];
  }
  const { buf, bodyStart, end } = entity;
  const delimiter = `--${boundary}`;
  const body = buf.subarray(bodyStart, end);
  const starts: { lineStart: number; contentStart: number; kind: 'part' | 'close' }[] = [];
  let pos = 0;
  let atStart = true;
  while (pos <= body.length) {
    let hit: number;
    let lineStart: number;
    if (atStart && body.subarray(0, delimiter.length).toString('latin1') === delimiter) {
      hit = 0;
      lineStart = 0;
    } else {
      const found = body.indexOf(`\r\n${delimiter}`, pos);
      if (found < 0) break;
      hit = found + 2;
      lineStart = found;
    }
    atStart = false;
    const after = bodyStart + hit + delimiter.length;
    const kind = delimiterKind(entity, after);
    pos = hit + delimiter.length;
    if (!kind) continue;
    const lineEnd = body.indexOf('\r\n', pos);
    const contentStart = lineEnd < 0 ? body.length : lineEnd + 2;
    starts.push({ lineStart, contentStart, kind });
    if (kind === 'close') break;
    pos = Math.max(contentStart - 2, pos);
  }
  if (starts.length === 0) {
    ctx.deviate('mime.boundary-not-found', `${entity.mediaType} body has no "${delimiter}" delimiter line`);
    return [];
  }
  const last = starts[starts.length - 1]!;
  if (last.kind !== 'close') {
    ctx.deviate('mime.close-boundary-missing', `${entity.mediaType} ends without its close delimiter`);
  }
  const children: MimeEntity[] = [];
  for (let i = 0; i < starts.length; i++) {
    const current = starts[i]!;
    if (current.kind === 'close') break;
    const next = starts[i + 1];
    const partEnd = next ? next.lineStart : body.length;
    children.push(
      readEntity(buf, bodyStart + current.contentStart, bodyStart + partEnd, entity.depth + 1, ctx),
    );
  }
  return children;
}
