import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { type SynthesizedApp, synthApp } from '../synth-app.ts';

type Resource = { Type: string; Properties: Record<string, unknown> };

const ISSUER = 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Example';
const JWT_AUTH = {
  type: 'jwt',
  issuer: ISSUER,
  audience: ['analyst-app-client'],
  roleClaim: 'cognito:groups',
  manageValues: ['abuse-leads'],
  readValues: ['abuse-analysts', 'abuse-oncall'],
};

const routesOf = (synthesized: SynthesizedApp) =>
  Object.values(synthesized.pipeline.toJSON().Resources as Record<string, Resource>)
    .filter((resource) => resource.Type === 'AWS::ApiGatewayV2::Route')
    .map((route) => route.Properties);
const authorizationByRoute = (synthesized: SynthesizedApp) =>
  Object.fromEntries(routesOf(synthesized).map((route) => [route['RouteKey'], route['AuthorizationType']]));

describe('AnalystApi with apiAuth jwt', () => {
  let synthesized: SynthesizedApp;
  beforeAll(() => {
    synthesized = synthApp({ apiAuth: JSON.stringify(JWT_AUTH) });
  });

  it('creates one JWT authorizer for the issuer and audience, reading the Authorization header', () => {
    synthesized.pipeline.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    synthesized.pipeline.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Issuer: ISSUER, Audience: ['analyst-app-client'] },
    });
  });

  it('puts the analyst routes and /health behind the JWT authorizer and keeps IAM on the enforcement route', () => {
    expect(authorizationByRoute(synthesized)).toEqual({
      'GET /v1/tenants/{tenantId}/sending-status': 'AWS_IAM',
      'GET /health': 'JWT',
      'ANY /v1/{proxy+}': 'JWT',
    });
    for (const route of routesOf(synthesized).filter((r) => r['AuthorizationType'] === 'JWT')) {
      expect(route['AuthorizerId']).toEqual({ Ref: expect.any(String) });
    }
  });

  it('renders the claim mapping into the API function environment, and no IAM role list', () => {
    synthesized.pipeline.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          API_AUTH: 'jwt',
          API_JWT_ACTOR_CLAIM: 'sub',
          API_JWT_ROLE_CLAIM: 'cognito:groups',
          API_JWT_MANAGE_VALUES: 'abuse-leads',
          API_JWT_READ_VALUES: 'abuse-analysts,abuse-oncall',
          API_MANAGE_ROLES: Match.absent(),
        }),
      },
    });
  });

  it('names the token issuer in the API URL output', () => {
    const outputs = Object.values(
      synthesized.pipeline.toJSON().Outputs as Record<string, { Description?: string }>,
    );
    expect(outputs.map((output) => output.Description)).toContain(
      `Call with Authorization: Bearer <token from ${ISSUER}>`,
    );
  });
});

describe('AnalystApi authorization choices', () => {
  it('puts the enforcement route behind the JWT authorizer too when enforcementAuth is jwt', () => {
    const synthesized = synthApp({ apiAuth: { ...JWT_AUTH, enforcementAuth: 'jwt' } });
    expect(Object.values(authorizationByRoute(synthesized))).toEqual(['JWT', 'JWT', 'JWT']);
  });

  it('requires one of the configured scopes on every JWT route, refusing ID tokens, and none on IAM routes', () => {
    const scopesByRoute = (apiAuth: object) =>
      Object.fromEntries(
        routesOf(synthApp({ apiAuth })).map((route) => [route['RouteKey'], route['AuthorizationScopes']]),
      );
    expect(scopesByRoute({ ...JWT_AUTH, requiredScopes: ['abuse-intake/api'] })).toEqual({
      'GET /v1/tenants/{tenantId}/sending-status': undefined,
      'GET /health': ['abuse-intake/api'],
      'ANY /v1/{proxy+}': ['abuse-intake/api'],
    });
    expect(
      Object.values(
        scopesByRoute({ ...JWT_AUTH, requiredScopes: ['abuse-intake/api'], enforcementAuth: 'jwt' }),
      ),
    ).toEqual([['abuse-intake/api'], ['abuse-intake/api'], ['abuse-intake/api']]);
    expect(Object.values(scopesByRoute(JWT_AUTH))).toEqual([undefined, undefined, undefined]);
  });

  it('keeps IAM on every route and no authorizer resource by default', () => {
    const synthesized = synthApp();
    synthesized.pipeline.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 0);
    expect(new Set(Object.values(authorizationByRoute(synthesized)))).toEqual(new Set(['AWS_IAM']));
    synthesized.pipeline.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ API_AUTH: 'iam', API_MANAGE_ROLES: '' }) },
    });
  });
});
