import type { ApiResponse } from './api-types.ts';
import { SECURITY_HEADERS } from './security-headers.ts';

const JSON_HEADERS: Readonly<Record<string, string>> = {
  ...SECURITY_HEADERS,
  'content-type': 'application/json; charset=utf-8',
  // Analyst data must not linger in shared caches or the browser's back/forward cache.
  'cache-control': 'no-store',
};

/** A JSON response with the security headers. */
export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): ApiResponse {
  return { status, headers: { ...JSON_HEADERS, ...headers }, body };
}

/** Stable error codes the dashboard and clients switch on. */
export type ApiErrorCode =
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'method-not-allowed'
  | 'bad-request'
  | 'conflict'
  | 'unavailable'
  | 'internal';

/** An error response `{ error: { code, message } }`; messages never echo request content. */
export function errorResponse(
  status: number,
  code: ApiErrorCode,
  message: string,
  headers: Record<string, string> = {},
): ApiResponse {
  return jsonResponse(status, { error: { code, message } }, headers);
}

/** 401 with the RFC 6750 §3 challenge, for a missing or unknown bearer token. */
export function unauthenticated(): ApiResponse {
  return errorResponse(401, 'unauthenticated', 'A valid API token is required (Authorization: Bearer …).', {
    'www-authenticate': 'Bearer realm="abuse-intake"',
  });
}

/** 403 for a valid identity whose role does not allow the action (RFC 6750 §3.1 insufficient_scope). */
export function forbidden(needed: string): ApiResponse {
  return errorResponse(403, 'forbidden', `This action needs the ${needed} role.`, {
    'www-authenticate': `Bearer realm="abuse-intake", error="insufficient_scope", scope="${needed}"`,
  });
}

/** 404 naming the kind of thing that was not found. */
export function notFound(what: string): ApiResponse {
  return errorResponse(404, 'not-found', `${what} not found.`);
}

/** 400 with a message naming the parameter and the fix. */
export function badRequest(message: string): ApiResponse {
  return errorResponse(400, 'bad-request', message);
}
