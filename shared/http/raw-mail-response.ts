import type { ApiResponse } from './api-types.ts';
import { SECURITY_HEADERS } from './security-headers.ts';

/**
 * Raw mail as a download: `text/plain` with `Content-Disposition: attachment` and nosniff, so a browser never
 * renders reported HTML, whatever the mail contains. Bytes are decoded as UTF-8 (invalid sequences become
 * U+FFFD) because ApiResponse carries text; MIME-encoded parts, the common case, are 7-bit and survive intact.
 */
export function rawMailResponse(submissionId: string, raw: Uint8Array): ApiResponse {
  const safeName = submissionId.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100) || 'submission';
  return {
    status: 200,
    headers: {
      ...SECURITY_HEADERS,
      'content-type': 'text/plain; charset=utf-8',
      'content-disposition': `attachment; filename="${safeName}.eml.txt"`,
      'cache-control': 'no-store',
    },
    text: new TextDecoder('utf-8', { fatal: false }).decode(raw),
  };
}
