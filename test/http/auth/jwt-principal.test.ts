import { describe, expect, it } from 'vitest';
import { jwtPrincipal } from '../../../shared/http/auth/jwt-principal.ts';

const CLAIMS = {
  sub: '3f1c2a9e-0000-4000-8000-000000000001',
  email: 'alice@desk.example',
  username: 'alice',
  'cognito:groups': '[abuse-analysts abuse-leads]',
  iss: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Example',
};

describe('jwtPrincipal', () => {
  it('takes the actor from sub by default and passes the verified claims on', () => {
    expect(jwtPrincipal({ claims: CLAIMS, scopes: null })).toEqual({
      id: '3f1c2a9e-0000-4000-8000-000000000001',
      claims: CLAIMS,
    });
  });

  it('takes the actor from the configured claim instead', () => {
    expect(jwtPrincipal({ claims: CLAIMS }, 'email')?.id).toBe('alice@desk.example');
    expect(jwtPrincipal({ claims: CLAIMS }, 'username')?.id).toBe('alice');
  });

  it('has no principal when the actor claim is missing or empty, or there are no claims', () => {
    expect(jwtPrincipal({ claims: CLAIMS }, 'preferred_username')).toBeUndefined();
    expect(jwtPrincipal({ claims: { ...CLAIMS, sub: '  ' } })).toBeUndefined();
    expect(jwtPrincipal({ claims: null })).toBeUndefined();
    expect(jwtPrincipal(undefined)).toBeUndefined();
  });

  it('merges the route scopes API Gateway reports into the scope claim', () => {
    const principal = jwtPrincipal({
      claims: { sub: 'svc', scope: 'openid abuse/read' },
      scopes: ['abuse/read', 'abuse/enforce'],
    });
    expect(principal?.claims?.['scope']).toEqual(['openid', 'abuse/read', 'abuse/enforce']);
  });
});
