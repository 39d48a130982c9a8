import { describe, expect, it } from 'vitest';
import { AppConfigError, type ContextKey, readAppConfig } from '../../infra/app-config.ts';

const read = (context: Partial<Record<ContextKey, unknown>>) => readAppConfig((key) => context[key]);
const COGNITO_ISSUER = 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Example';
const jwt = (fields: Record<string, unknown> = {}) => ({
  type: 'jwt',
  issuer: COGNITO_ISSUER,
  audience: ['client-1'],
  readValues: ['abuse-analysts'],
  ...fields,
});

describe('context apiAuth', () => {
  it.each([undefined, '', 'iam', { type: 'iam' }, '{"type":"iam"}'])(
    'reads %j as IAM authorization',
    (value) => {
      expect(read({ apiAuth: value }).apiAuth).toEqual({ type: 'iam' });
    },
  );

  it('reads a JWT configuration with the documented defaults: groups carry roles, sub is the actor, MTA on IAM', () => {
    expect(read({ apiAuth: jwt() }).apiAuth).toEqual({
      type: 'jwt',
      issuer: COGNITO_ISSUER,
      audience: ['client-1'],
      roleClaim: 'groups',
      actorClaim: 'sub',
      manageValues: [],
      readValues: ['abuse-analysts'],
      enforcementAuth: 'iam',
      requiredScopes: [],
    });
  });

  it('reads the JSON text -c passes, with lists as arrays or comma-separated strings', () => {
    const text = JSON.stringify(
      jwt({
        audience: 'client-1, client-2',
        roleClaim: 'cognito:groups',
        actorClaim: 'email',
        manageValues: ['abuse-leads'],
        readValues: 'abuse-analysts,abuse-oncall',
        enforcementAuth: 'jwt',
        requiredScopes: 'abuse-intake/api',
      }),
    );
    expect(read({ apiAuth: text }).apiAuth).toEqual({
      type: 'jwt',
      issuer: COGNITO_ISSUER,
      audience: ['client-1', 'client-2'],
      roleClaim: 'cognito:groups',
      actorClaim: 'email',
      manageValues: ['abuse-leads'],
      readValues: ['abuse-analysts', 'abuse-oncall'],
      enforcementAuth: 'jwt',
      requiredScopes: ['abuse-intake/api'],
    });
  });

  it.each([
    ['a bare "jwt"', 'jwt', /must be "iam" or a JSON object/],
    ['broken JSON', '{"type":"jwt",', /is not valid JSON/],
    ['an unknown type', { type: 'saml' }, /field "type" must be "iam" or "jwt"/],
    ['a misspelt field', jwt({ audiences: ['x'] }), /unknown field "audiences"/],
    ['no issuer', jwt({ issuer: undefined }), /field "issuer" is required/],
    ['an http issuer', jwt({ issuer: 'http://idp.example.org' }), /field "issuer": .* must be an https URL/],
    ['an issuer that is no URL', jwt({ issuer: 'idp.example.org' }), /field "issuer": .* is not a URL/],
    ['no audience', jwt({ audience: [] }), /field "audience" must list at least one/],
    [
      'an audience that is no list',
      jwt({ audience: { id: 1 } }),
      /field "audience" must be a list of strings/,
    ],
    ['no read values', jwt({ readValues: [] }), /field "readValues" must name at least one value/],
    [
      'a value with a space',
      jwt({ manageValues: ['abuse leads'] }),
      /field "manageValues": "abuse leads" cannot/,
    ],
    ['a role claim with a space', jwt({ roleClaim: 'my groups' }), /field "roleClaim" must be a claim name/],
    ['a scope with a space', jwt({ requiredScopes: ['a b'] }), /field "requiredScopes": "a b" cannot/],
    ['an unknown enforcement auth', jwt({ enforcementAuth: 'none' }), /field "enforcementAuth" must be/],
    ['IAM with other fields', { type: 'iam', issuer: COGNITO_ISSUER }, /give no other field/],
  ])('refuses %s with an AppConfigError naming apiAuth and the field', (_, value, message) => {
    expect(() => read({ apiAuth: value })).toThrow(AppConfigError);
    expect(() => read({ apiAuth: value })).toThrow(/^context "apiAuth": /);
    expect(() => read({ apiAuth: value })).toThrow(message);
  });

  it('refuses apiManageRoles beside a JWT configuration, pointing at manageValues', () => {
    expect(() => read({ apiAuth: jwt(), apiManageRoles: 'AbuseAdmins' })).toThrow(
      /context "apiManageRoles": .*give "manageValues" in apiAuth/,
    );
  });
});
