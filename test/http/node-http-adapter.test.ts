import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiRequest } from '../../shared/http/api-types.ts';
import { createRequestListener, MAX_API_BODY_BYTES } from '../../shared/http/node-http-adapter.ts';

/** ISO-8859-1, not UTF-8: bytes a text round trip would replace with U+FFFD. */
const EIGHT_BIT_MAIL = Buffer.from('Subject: Gr\xfc\xdfe\r\n\r\nCaf\xe9\r\n', 'latin1');

let server: Server;
let url: string;
const seen: ApiRequest[] = [];

beforeAll(async () => {
  server = createServer(
    createRequestListener({
      api: async (request) => {
        seen.push(request);
        if (request.path === '/v1/stream') {
          return {
            status: 200,
            headers: { 'content-type': 'text/plain' },
            stream: (async function* () {
              for (let i = 0; i < 3; i++) yield `line ${i}\n`;
            })(),
          };
        }
        if (request.path === '/v1/bytes') return { status: 200, bytes: EIGHT_BIT_MAIL };
        return { status: 200, body: { ok: true } };
      },
      staticFiles: async (path) => (path === '/' ? { status: 200, text: 'index' } : undefined),
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('createRequestListener', () => {
  it('passes path, first query values, lower-case headers and the body text to the API', async () => {
    await fetch(`${url}/v1/x?a=1&a=2&b=`, { method: 'POST', headers: { 'X-Thing': 'v' }, body: '{"k":1}' });
    expect(seen.at(-1)).toMatchObject({
      method: 'POST',
      path: '/v1/x',
      query: { a: '1', b: '' },
      headers: { 'x-thing': 'v' },
      body: '{"k":1}',
    });
  });

  it('writes a streamed response chunk by chunk', async () => {
    expect(await (await fetch(`${url}/v1/stream`)).text()).toBe('line 0\nline 1\nline 2\n');
  });

  it('writes bytes exactly as given', async () => {
    const body = Buffer.from(await (await fetch(`${url}/v1/bytes`)).arrayBuffer());
    expect(body).toEqual(EIGHT_BIT_MAIL);
  });

  it('refuses a request body over the limit with 413', async () => {
    const response = await fetch(`${url}/v1/x`, { method: 'POST', body: 'x'.repeat(MAX_API_BODY_BYTES + 1) });
    expect(response.status).toBe(413);
  });

  it('serves static files outside /v1 and 404 for the rest', async () => {
    expect(await (await fetch(`${url}/`)).text()).toBe('index');
    expect((await fetch(`${url}/nothing.js`)).status).toBe(404);
  });
});
