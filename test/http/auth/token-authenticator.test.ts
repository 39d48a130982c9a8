import { describe, expect, it } from 'vitest';
import {
  ApiTokenConfigError,
  bearerToken,
  createTokenAuthenticator,
  hashApiToken,
} from '../../../shared/http/auth/token-authenticator.ts';

const request = (authorization?: string) => ({
  method: 'GET',
  path: '/v1/me',
  query: {},
  headers: authorization === undefined ? {} : { authorization },
});

describe('createTokenAuthenticator', () => {
  const authenticate = createTokenAuthenticator([
    { name: 'ops', role: 'read', token: 'read-token-0123456789' },
    { name: 'lead', role: 'manage', sha256: hashApiToken('manage-token-0123456789') },
  ]);

  it('maps a token given in clear or as its SHA-256 to its holder and role', async () => {
    expect(await authenticate(request('Bearer read-token-0123456789'))).toEqual({
      actor: 'token:ops',
      role: 'read',
    });
    expect(await authenticate(request('bearer manage-token-0123456789'))).toEqual({
      actor: 'token:lead',
      role: 'manage',
    });
  });

  it('recognises no one for a missing, wrong, or non-Bearer credential', async () => {
    expect(await authenticate(request())).toBeUndefined();
    expect(await authenticate(request('Bearer read-token-012345678'))).toBeUndefined();
    expect(await authenticate(request('Basic cmVhZDp4'))).toBeUndefined();
  });

  it('refuses short tokens, unknown roles and malformed hashes at start-up, naming the entry', () => {
    expect(() => createTokenAuthenticator([{ name: 'x', role: 'read', token: 'short' }])).toThrow(
      /tokens\[0\] \(x\)/,
    );
    expect(() =>
      createTokenAuthenticator([{ name: 'x', role: 'admin' as 'read', token: 'long-enough-token-123' }]),
    ).toThrow(ApiTokenConfigError);
    expect(() => createTokenAuthenticator([{ name: 'x', role: 'read', sha256: 'abc' }])).toThrow(/64 hex/);
  });
});

describe('bearerToken', () => {
  it('takes the credential of an RFC 6750 Authorization header', () => {
    expect(bearerToken('Bearer abc.DEF-123~')).toBe('abc.DEF-123~');
    expect(bearerToken('Bearer')).toBeUndefined();
    expect(bearerToken('Bearer a b')).toBeUndefined();
  });
});
