import { describe, expect, it } from 'vitest';
import { createTokenAuthenticator, hashApiToken } from '../../shared/http/auth/token-authenticator.ts';
import { createApi } from '../../shared/http/create-api.ts';

const READ_TOKEN = 'read-token-0123456789abcdef';
const MANAGE_TOKEN = 'manage-token-0123456789abcdef';

function api(enforcementRequiresToken = false) {
  return createApi({
    now: () => '2026-01-01T00:00:00.000Z',
    authenticate: createTokenAuthenticator([
      { name: 'reader', role: 'read', token: READ_TOKEN },
      { name: 'boss', role: 'manage', sha256: hashApiToken(MANAGE_TOKEN) },
    ]),
    enforcementRequiresToken,
    health: async () => ({ status: 'ok', queueDepth: 3, deadLetters: 0 }),
    checkSending: async (tenantId) =>
      tenantId === 'blocked'
        ? {
            allowed: false,
            state: 'restricted',
            kind: 'tenant-threshold',
            smtpReply: '550 5.7.705 Access denied, tenant has exceeded threshold',
          }
        : { allowed: true, state: 'active' },
  });
}

const get = (path: string, query: Record<string, string> = {}, headers: Record<string, string> = {}) => ({
  method: 'GET',
  path,
  query,
  headers,
});

describe('createApi', () => {
  it('answers /health without a token and passes the runtime figures through', async () => {
    const response = await api()(get('/health'));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ok', queueDepth: 3 });
    expect(response.headers?.['x-content-type-options']).toBe('nosniff');
  });

  it('gives the enforcement answer with the exact SMTP reply', async () => {
    const response = await api()(get('/v1/tenants/blocked/sending-status', { fromDomain: 'Example.COM' }));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      allowed: false,
      fromDomain: 'example.com',
      smtpReply: '550 5.7.705 Access denied, tenant has exceeded threshold',
    });
  });

  it('requires a token on the enforcement route when configured to', async () => {
    const handler = api(true);
    expect((await handler(get('/v1/tenants/t1/sending-status'))).status).toBe(401);
    const withToken = await handler(
      get('/v1/tenants/t1/sending-status', {}, { authorization: `Bearer ${READ_TOKEN}` }),
    );
    expect(withToken.status).toBe(200);
  });

  it('answers HEAD like GET', async () => {
    expect((await api()({ ...get('/health'), method: 'HEAD' })).status).toBe(200);
  });

  it('answers 404 for unknown routes and 405 with Allow for a wrong method', async () => {
    expect((await api()(get('/v1/nothing'))).status).toBe(404);
    const wrong = await api()({ ...get('/health'), method: 'DELETE' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers?.['allow']).toBe('GET');
  });
});
