import { readdir, readFile } from 'node:fs/promises';
import { dirname, extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiResponse } from '../shared/http/api-types.ts';
import { SECURITY_HEADERS } from '../shared/http/security-headers.ts';

/** The dashboard's files, shipped as plain ES modules (no build step): served as they are. */
export const DASHBOARD_ROOT = join(dirname(fileURLToPath(import.meta.url)), 'static');

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves one URL path: the file's response, or undefined when the path is not a dashboard file. */
export type StaticFiles = (path: string) => Promise<ApiResponse | undefined>;

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && extname(entry.name) in CONTENT_TYPES)
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Serves the dashboard: `/` is index.html, `/<file>` any file under web/static (uPlot is vendored in
 * web/static/vendor/uplot, checked against node_modules by a test, so any static server can serve the dashboard). Only files listed at start are served (an allow-list: no path from a URL reaches the file
 * system, so no traversal), each with the strict CSP and nosniff. Files are read per request so edits show at once.
 */
export async function createStaticFiles(options: { root?: string } = {}): Promise<StaticFiles> {
  const root = options.root ?? DASHBOARD_ROOT;
  const files = new Map<string, string>();
  for (const file of await listFiles(root)) files.set(`/${relative(root, file).split(sep).join('/')}`, file);
  files.set('/', join(root, 'index.html'));
  return async (path) => {
    const file = files.get(path);
    if (file === undefined) return undefined;
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    return {
      status: 200,
      headers: {
        ...SECURITY_HEADERS,
        'content-type': type,
        // Revalidate each load: the files are small and a stale app.js against a newer API is worse than a request.
        'cache-control': 'no-cache',
      },
      text: await readFile(file, 'utf8'),
    };
  };
}
