/** Media types that hold a whole message (RFC 2046 §5.2.1, RFC 6532 §3.7) or one as a file. */
export const MESSAGE_TYPES = new Set([
  'message/rfc822',
  'message/global',
  'application/eml',
  'message/x-eml',
  'application/x-eml',
]);
/** Header-only originals (RFC 6522 §4 spells text/rfc822-headers; feeds misspell it). */
export const HEADER_TYPES = new Set([
  'text/rfc822-headers',
  'text/rfc822-header',
  'message/rfc822-headers',
  'message/rfc822-header',
  'text/rfc822',
  'message/global-headers',
]);
