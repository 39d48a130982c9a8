import type { MimeEntity } from './mime-entity.ts';
import { multipartChildren } from './multipart.ts';
import type { ParseContext } from './parse-context.ts';

/**
 * The leaf entities under `entity` in document order, descending into multipart/* only. Enclosed messages
 * (message/rfc822) are leaves: callers open the ones they need, which keeps the work proportional to them.
 */
export function leafEntities(entity: MimeEntity, ctx: ParseContext): MimeEntity[] {
  const leaves: MimeEntity[] = [];
  const visit = (current: MimeEntity): void => {
    if (current.mediaType.startsWith('multipart/')) {
      const children = multipartChildren(current, ctx);
      if (children.length === 0) {
        // A multipart without delimiters: the body is all there is; read it as text (RFC 2046 §5.1.3).
        leaves.push({
          ...current,
          mediaType: 'text/plain',
          contentType: { value: 'text/plain', params: {} },
        });
        return;
      }
      for (const child of children) visit(child);
    } else leaves.push(current);
  };
  visit(entity);
  return leaves;
}

/** Whether an entity is marked as an attachment rather than inline content (RFC 2183). */
export function isAttachment(entity: MimeEntity): boolean {
  return entity.disposition?.value === 'attachment';
}
