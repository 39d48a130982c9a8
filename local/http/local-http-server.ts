import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiHandler } from '../../shared/http/api-types.ts';
import { serveApiRequest } from '../../shared/http/node-http-adapter.ts';
import { SECURITY_HEADERS } from '../../shared/http/security-headers.ts';
import { serveStaticFile } from './static-files.ts';

/** Where the HTTP server listens and how to stop it. */
export interface LocalHttpServer {
  readonly host: string;
  readonly port: number;
  /** `http://host:port`. */
  readonly url: string;
  close(): Promise<void>;
}

/** How the server is set up. */
export interface LocalHttpServerOptions {
  readonly host: string;
  /** 0 picks a free port; the bound one is returned. */
  readonly port: number;
  /** The API (createApi, shared/http): `/health` and `/v1/*`. */
  readonly api: ApiHandler;
  /** The dashboard's files (web/static), served at `/`. */
  readonly staticRoot: string;
  readonly onError?: (message: string) => void;
}

/** True for the paths the API answers; everything else is the dashboard. */
function isApiPath(path: string): boolean {
  return path === '/health' || path === '/v1' || path.startsWith('/v1/');
}

/** Starts node:http on loopback: the API under `/health` and `/v1/`, the static dashboard everywhere else. */
export async function startLocalHttpServer(options: LocalHttpServerOptions): Promise<LocalHttpServer> {
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (isApiPath(path)) return serveApiRequest(options.api, request, response);
    const method = request.method ?? 'GET';
    if (
      (method === 'GET' || method === 'HEAD') &&
      (await serveStaticFile(options.staticRoot, path, method, response))
    ) {
      return;
    }
    response.statusCode = method === 'GET' || method === 'HEAD' ? 404 : 405;
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    response.setHeader('content-type', 'text/plain; charset=utf-8');
    response.end(response.statusCode === 404 ? 'Not found\n' : 'Method not allowed\n');
  };
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      options.onError?.(
        `http: ${request.method} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      if (!response.headersSent) response.statusCode = 500;
      response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `HTTP port ${options.port} on ${options.host} is in use: stop the other server, or pass --http-port (0 picks a free port)`,
              { cause: error },
            )
          : error,
      );
    server.once('error', fail);
    server.listen(options.port, options.host, () => {
      server.off('error', fail);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    host: options.host,
    port,
    url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
