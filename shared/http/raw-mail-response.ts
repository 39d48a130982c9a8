import type { ApiResponse } from './api-types.ts';
import { SECURITY_HEADERS } from './security-headers.ts';

/**
 * Raw mail as a download: `text/plain` with `Content-Disposition: attachment` and nosniff, so a browser never
 * renders reported HTML, whatever the mail contains. The bytes go out exactly as received (no charset is claimed:
 * 8-bit mail need not be UTF-8), so DKIM signatures of the evidence still verify after download.
 */
export function rawMailResponse(submissionId: string, raw: Uint8Array): ApiResponse {
  const safeName = submissionId.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100) || 'submission';
  return {
    status: 200,
    headers: {
      ...SECURITY_HEADERS,
      'content-type': 'text/plain',
      'content-disposition': `attachment; filename="${safeName}.eml.txt"`,
      'cache-control': 'no-store',
    },
    bytes: raw,
  };
}
