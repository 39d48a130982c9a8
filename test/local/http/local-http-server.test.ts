import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalHttpServer, startLocalHttpServer } from '../../../local/http/local-http-server.ts';

const root = mkdtempSync(join(tmpdir(), 'abuse-intake-static-'));
let server: LocalHttpServer;
beforeAll(async () => {
  mkdirSync(join(root, 'static/js'), { recursive: true });
  writeFileSync(join(root, 'static/index.html'), '<!doctype html><title>dash</title>');
  writeFileSync(join(root, 'static/js/app.js'), 'export {};');
  writeFileSync(join(root, 'secret.txt'), 'outside the static root');
  server = await startLocalHttpServer({
    host: '127.0.0.1',
    port: 0,
    staticRoot: join(root, 'static'),
    api: async (apiRequest) => ({ status: 200, body: { path: apiRequest.path, query: apiRequest.query } }),
  });
});
afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

/** A raw GET, so paths reach the server exactly as written (fetch would normalise `..`). */
function get(path: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: 'GET' }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('startLocalHttpServer', () => {
  it('binds a free port and hands /health and /v1/* to the API with the query', async () => {
    expect(server.port).toBeGreaterThan(0);
    const health = await get('/health');
    expect(JSON.parse(health.body)).toEqual({ path: '/health', query: {} });
    const status = await get('/v1/tenants/acme/sending-status?fromDomain=acme.example');
    expect(JSON.parse(status.body)).toEqual({
      path: '/v1/tenants/acme/sending-status',
      query: { fromDomain: 'acme.example' },
    });
  });

  it('serves the dashboard with index.html at / and a strict Content-Security-Policy', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>dash</title>');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(String(page.headers['content-security-policy'])).toContain("default-src 'none'");
    expect((await get('/js/app.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('never serves a file outside the static root', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/js/..%2f..%2fsecret.txt', '/%00']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.body).not.toContain('outside the static root');
    }
  });
});
