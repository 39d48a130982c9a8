import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorResponse } from './api-responses.ts';
import type { ApiHandler, ApiRequest, ApiResponse } from './api-types.ts';

/** Request bodies are small JSON documents (a lift, a policy); anything bigger is refused with 413. */
export const MAX_API_BODY_BYTES = 64 * 1024;

/** A failure reading the request body (client went away, too large). */
export class RequestBodyError extends Error {
  override name = 'RequestBodyError';
}

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_API_BODY_BYTES) throw new RequestBodyError('body too large');
    chunks.push(buffer);
  }
  return size === 0 ? undefined : Buffer.concat(chunks).toString('utf8');
}

/** Turns a node:http request into an ApiRequest (header names lower-case, first value of repeated params). */
export async function toApiRequest(request: IncomingMessage): Promise<ApiRequest> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const query: Record<string, string> = {};
  for (const [key, value] of url.searchParams) if (!(key in query)) query[key] = value;
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  const method = (request.method ?? 'GET').toUpperCase();
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(request);
  return { method, path: url.pathname, query, headers, body };
}

/** Writes an ApiResponse (JSON body, text, bytes or stream) to a node:http response. */
export async function writeApiResponse(response: ServerResponse, result: ApiResponse): Promise<void> {
  response.statusCode = result.status;
  for (const [name, value] of Object.entries(result.headers ?? {})) response.setHeader(name, value);
  if (result.stream) {
    for await (const chunk of result.stream) {
      // Respect back-pressure so a large export does not buffer in memory.
      if (!response.write(chunk)) await new Promise((resolve) => response.once('drain', resolve));
    }
    response.end();
    return;
  }
  if (result.text !== undefined) {
    response.end(result.text);
    return;
  }
  if (result.bytes !== undefined) {
    response.end(result.bytes);
    return;
  }
  if (result.body !== undefined) {
    response.end(JSON.stringify(result.body));
    return;
  }
  response.end();
}

/**
 * Serves one node:http request with the API: the local server and the tests call this for `/v1/*` and `/health`.
 */
export async function serveApiRequest(api: ApiHandler, request: IncomingMessage, response: ServerResponse) {
  let apiRequest: ApiRequest;
  try {
    apiRequest = await toApiRequest(request);
  } catch {
    await writeApiResponse(response, errorResponse(413, 'bad-request', 'Request body too large.'));
    return;
  }
  await writeApiResponse(response, await api(apiRequest));
}

/** Whether a path belongs to the API rather than the dashboard. */
export function isApiPath(path: string): boolean {
  return path === '/health' || path === '/v1' || path.startsWith('/v1/');
}

/**
 * A node:http request listener serving the API under /health and /v1, and the dashboard's static files (from
 * web/static-files.ts createStaticFiles) everywhere else: the local server can mount it whole.
 */
export function createRequestListener(options: {
  readonly api: ApiHandler;
  readonly staticFiles?: (path: string) => Promise<ApiResponse | undefined>;
  readonly onError?: (error: unknown) => void;
}): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const serve = async () => {
      if (isApiPath(path) || !options.staticFiles) return serveApiRequest(options.api, request, response);
      const method = request.method ?? 'GET';
      const file = method === 'GET' || method === 'HEAD' ? await options.staticFiles(path) : undefined;
      await writeApiResponse(response, file ?? errorResponse(404, 'not-found', 'Not found.'));
    };
    serve().catch((error: unknown) => {
      options.onError?.(error);
      if (!response.headersSent) response.statusCode = 500;
      response.end();
    });
  };
}
