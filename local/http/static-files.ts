import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { SECURITY_HEADERS } from '../../shared/http/security-headers.ts';

/** Content types of the files a dashboard consists of; anything else is served as bytes to download. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves a file of `root` for a URL path (GET/HEAD), `index.html` for a directory; false when there is no such
 * file, so the caller answers 404. Paths are normalised and must stay inside `root` (no `..`, no encoded escapes).
 */
export async function serveStaticFile(
  root: string,
  urlPath: string,
  method: string,
  response: ServerResponse,
): Promise<boolean> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return false;
  }
  if (decoded.includes('\0')) return false;
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  if (relative.split(/[/\\]/).includes('..')) return false;
  let path = join(root, relative);
  if (path !== root && !path.startsWith(root.endsWith(sep) ? root : root + sep)) return false;
  const info = await stat(path).catch(() => undefined);
  if (info?.isDirectory()) path = join(path, 'index.html');
  const body = await readFile(path).catch(() => undefined);
  if (body === undefined) return false;
  response.statusCode = 200;
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
  response.setHeader(
    'content-type',
    CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
  );
  response.setHeader('content-length', body.length);
  response.setHeader('cache-control', 'no-cache');
  response.end(method === 'HEAD' ? undefined : body);
  return true;
}
