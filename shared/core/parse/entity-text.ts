import { decodeCharset } from './charset.ts';
import type { MimeEntity } from './mime-entity.ts';
import type { ParseContext } from './parse-context.ts';
import { decodedBody } from './transfer-encoding.ts';

/** Upper bound on text decoded from one part for inspection; longer text is cut (limits time on huge parts). */
export const MAX_INSPECTED_TEXT = 256 * 1024;

/** The body of a text entity as a string: transfer encoding removed, charset decoded (RFC 2046 §4.1.2). */
export function entityText(entity: MimeEntity, ctx: ParseContext, maxBytes = MAX_INSPECTED_TEXT): string {
  const bytes = decodedBody(entity, ctx);
  const cut = bytes.length > maxBytes ? bytes.subarray(0, maxBytes) : bytes;
  const charset = entity.contentType.params['charset'];
  const decoded = decodeCharset(cut, charset);
  if (!decoded.charsetKnown) {
    ctx.deviate('mime.charset-unknown', `unknown charset "${charset}" read as UTF-8/windows-1252`);
  }
  return decoded.text;
}
