import { describe, expect, it } from 'vitest';
import { createPrincipalAuthenticator } from '../../../shared/http/auth/principal-authenticator.ts';

const request = (principal?: { id: string; claims?: Record<string, unknown> }) => ({
  method: 'GET',
  path: '/v1/me',
  query: {},
  headers: { authorization: 'Bearer ignored-in-aws-mode' },
  ...(principal ? { principal } : {}),
});

describe('createPrincipalAuthenticator', () => {
  const authenticate = createPrincipalAuthenticator({
    claim: 'iam:role',
    manageValues: ['AbuseLead'],
    readValues: [],
  });

  it('grants manage to principals whose claim names a manage role, read to the rest', async () => {
    expect(await authenticate(request({ id: 'arn:lead', claims: { 'iam:role': 'AbuseLead' } }))).toEqual({
      actor: 'arn:lead',
      role: 'manage',
    });
    expect(await authenticate(request({ id: 'arn:analyst', claims: { 'iam:role': 'Analyst' } }))).toEqual({
      actor: 'arn:analyst',
      role: 'read',
    });
  });

  it('trusts only the runtime-set principal, never a header', async () => {
    expect(await authenticate(request())).toBeUndefined();
  });

  it('reads JWT scopes and API Gateway group lists; a proven principal without a value holds role none', async () => {
    const byScope = createPrincipalAuthenticator({
      claim: 'scope',
      manageValues: ['abuse/manage'],
      readValues: ['abuse/read'],
    });
    expect((await byScope(request({ id: 'sub-1', claims: { scope: 'openid abuse/manage' } })))?.role).toBe(
      'manage',
    );
    expect(await byScope(request({ id: 'sub-2', claims: { scope: 'openid' } }))).toEqual({
      actor: 'sub-2',
      role: 'none',
    });
    const byGroup = createPrincipalAuthenticator({
      claim: 'cognito:groups',
      manageValues: ['leads'],
      readValues: [],
    });
    expect(
      (await byGroup(request({ id: 'sub-3', claims: { 'cognito:groups': '[analysts leads]' } })))?.role,
    ).toBe('manage');
  });

  it("maps groups given as an array, a space-separated string or API Gateway's bracketed text alike", async () => {
    const byGroup = createPrincipalAuthenticator({
      claim: 'groups',
      manageValues: ['abuse-leads'],
      readValues: ['abuse-analysts'],
    });
    for (const groups of [['staff', 'abuse-analysts'], 'staff abuse-analysts', '[staff abuse-analysts]']) {
      expect((await byGroup(request({ id: 'sub-4', claims: { groups } })))?.role).toBe('read');
    }
    for (const groups of [['abuse-analysts', 'abuse-leads'], 'abuse-analysts abuse-leads', '[abuse-leads]']) {
      expect((await byGroup(request({ id: 'sub-5', claims: { groups } })))?.role).toBe('manage');
    }
    expect((await byGroup(request({ id: 'sub-6', claims: {} })))?.role).toBe('none');
    expect((await byGroup(request({ id: 'sub-7', claims: { groups: '[abuse-analystsX]' } })))?.role).toBe(
      'none',
    );
  });
});
