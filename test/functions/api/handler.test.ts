import type {
  APIGatewayProxyEventV2WithIAMAuthorizer,
  APIGatewayProxyEventV2WithJWTAuthorizer,
} from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import {
  createApiLambdaHandler,
  IAM_ROLE_CLAIM,
  principalRoleOptions,
  toApiRequest,
} from '../../../functions/api/handler.ts';
import { createJsonLog } from '../../../functions/json-log.ts';
import type { ApiRequest } from '../../../shared/http/api-types.ts';
import { createPrincipalAuthenticator } from '../../../shared/http/auth/principal-authenticator.ts';
import { createApi } from '../../../shared/http/create-api.ts';
import { collectLog } from '../sqs-events.ts';

/** Subject and body in ISO-8859-1, not UTF-8: bytes a text round trip would replace with U+FFFD. */
const EIGHT_BIT_MAIL = Buffer.from('Subject: Gr\xfc\xdfe\r\n\r\nCaf\xe9\r\n', 'latin1');

const ANALYST_ARN = 'arn:aws:sts::123456789012:assumed-role/AbuseAnalysts/alice';

/** A payload format 2.0 event as API Gateway HTTP API sends it with the IAM authorizer. */
function httpEvent(
  method: string,
  rawPath: string,
  options: {
    query?: Record<string, string>;
    body?: string;
    base64?: boolean;
    headers?: Record<string, string>;
  } = {},
): APIGatewayProxyEventV2WithIAMAuthorizer {
  return {
    version: '2.0',
    routeKey: `${method} ${rawPath}`,
    rawPath,
    rawQueryString: new URLSearchParams(options.query ?? {}).toString(),
    headers: { host: 'api.example', ...(options.headers ?? {}) },
    ...(options.query ? { queryStringParameters: options.query } : {}),
    ...(options.body !== undefined ? { body: options.body } : {}),
    isBase64Encoded: options.base64 ?? false,
    requestContext: {
      accountId: '123456789012',
      apiId: 'api1',
      domainName: 'api.example',
      domainPrefix: 'api',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'test' },
      requestId: 'req-1',
      routeKey: `${method} ${rawPath}`,
      stage: '$default',
      time: '24/Nov/2026:12:00:00 +0000',
      timeEpoch: 1795608000000,
      authorizer: {
        iam: {
          accessKey: 'ASIAEXAMPLE',
          accountId: '123456789012',
          callerId: 'AROAEXAMPLE:alice',
          cognitoIdentity: null,
          principalOrgId: null,
          userArn: ANALYST_ARN,
          userId: 'AROAEXAMPLE:alice',
        },
      },
    },
  } as unknown as APIGatewayProxyEventV2WithIAMAuthorizer;
}

describe('API Lambda adapter', () => {
  it('turns an HTTP API event into an ApiRequest with the IAM caller as principal', () => {
    const request = toApiRequest(
      httpEvent('post', '/v1/tenants/t1/lift', {
        query: { dryRun: 'true' },
        body: Buffer.from('{"reason":"fixed"}').toString('base64'),
        base64: true,
        headers: { 'Content-Type': 'application/json' },
      }),
    );
    expect(request).toEqual({
      method: 'POST',
      path: '/v1/tenants/t1/lift',
      query: { dryRun: 'true' },
      headers: { host: 'api.example', 'content-type': 'application/json' },
      body: '{"reason":"fixed"}',
      principal: { id: ANALYST_ARN, claims: { [IAM_ROLE_CLAIM]: 'AbuseAnalysts' } },
    });
  });

  it('takes the principal only from the authorizer, never from a header the caller sends', () => {
    const event = httpEvent('GET', '/v1/tenants', { headers: { 'x-principal': 'arn:aws:iam::1:root' } });
    const anonymous = { ...event, requestContext: { ...event.requestContext, authorizer: undefined } };
    const request = toApiRequest(anonymous as unknown as APIGatewayProxyEventV2WithIAMAuthorizer);
    expect(request.principal).toBeUndefined();
  });

  it('serialises JSON bodies, passes text through, base64-encodes bytes and collects streamed exports', async () => {
    const log = collectLog();
    const responses: Record<string, () => Promise<import('../../../shared/http/api-types.ts').ApiResponse>> =
      {
        '/json': async () => ({ status: 200, body: { ok: true } }),
        '/text': async () => ({ status: 200, headers: { 'content-type': 'text/plain' }, text: 'plain' }),
        '/bytes': async () => ({ status: 200, bytes: EIGHT_BIT_MAIL }),
        '/stream': async () => ({
          status: 200,
          headers: { 'content-type': 'text/csv' },
          stream: (async function* () {
            yield 'a,b\n';
            yield '1,2\n';
          })(),
        }),
      };
    const handler = createApiLambdaHandler(
      (request: ApiRequest) => responses[request.path]?.() ?? Promise.resolve({ status: 404 }),
      createJsonLog({}, log.write),
    );
    expect(await handler(httpEvent('GET', '/json'))).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: '{"ok":true}',
    });
    expect(await handler(httpEvent('GET', '/text'))).toMatchObject({ statusCode: 200, body: 'plain' });
    const bytes = await handler(httpEvent('GET', '/bytes'));
    expect(bytes).toMatchObject({ statusCode: 200, isBase64Encoded: true });
    expect(Buffer.from(String((bytes as { body?: string }).body), 'base64')).toEqual(
      Buffer.from(EIGHT_BIT_MAIL),
    );
    expect(await handler(httpEvent('GET', '/stream'))).toMatchObject({ statusCode: 200, body: 'a,b\n1,2\n' });
    expect(await handler(httpEvent('GET', '/missing'))).toEqual({ statusCode: 404, headers: {} });
  });

  it('answers 500 without details when the API throws, and logs the error name', async () => {
    const log = collectLog();
    const handler = createApiLambdaHandler(
      async () => {
        throw new TypeError('secret detail');
      },
      createJsonLog({}, log.write),
    );
    const result = await handler(httpEvent('GET', '/v1/tenants'));
    expect(result.statusCode).toBe(500);
    expect(result.body).not.toContain('secret detail');
    expect(log.lines.some((line) => line.includes('"error":"TypeError"'))).toBe(true);
  });

  it('serves createApi through the adapter: enforcement answers, unmapped IAM roles get 403', async () => {
    const api = createApi({
      now: () => '2026-11-24T12:00:00.000Z',
      authenticate: createPrincipalAuthenticator({
        claim: IAM_ROLE_CLAIM,
        manageValues: ['AbuseAdmins'],
        readValues: ['AbuseAnalysts'],
      }),
      health: async () => ({ status: 'ok' }),
      checkSending: async (tenantId) =>
        tenantId === 't-restricted'
          ? {
              allowed: false,
              state: 'restricted',
              kind: 'tenant-threshold',
              smtpReply: '550 5.7.705 Access denied, tenant has exceeded threshold',
            }
          : { allowed: true, state: 'active' },
    });
    const handler = createApiLambdaHandler(
      api,
      createJsonLog({}, () => {}),
    );
    const decision = await handler(
      httpEvent('GET', '/v1/tenants/t-restricted/sending-status', { query: { fromDomain: 'acme.example' } }),
    );
    expect(decision.statusCode).toBe(200);
    expect(decision.body).toContain('5.7.705');
    expect((await handler(httpEvent('GET', '/health'))).statusCode).toBe(200);
    const stranger = httpEvent('GET', '/v1/tenants');
    const iam = stranger.requestContext.authorizer.iam as { userArn: string };
    iam.userArn = 'arn:aws:sts::123456789012:assumed-role/SomeoneElse/bob';
    expect((await handler(stranger)).statusCode).toBe(403);
  });
});

const JWT_AUTH = {
  kind: 'jwt',
  actorClaim: 'email',
  roleClaim: 'cognito:groups',
  manageValues: ['abuse-leads'],
  readValues: ['abuse-analysts'],
} as const;

/** The same event as API Gateway sends it for a route behind the JWT authorizer (array claims as `[a b]`). */
function jwtEvent(
  method: string,
  rawPath: string,
  claims: Record<string, string | number | boolean | string[]>,
  options: { body?: string; headers?: Record<string, string> } = {},
): APIGatewayProxyEventV2WithJWTAuthorizer {
  const event = httpEvent(method, rawPath, options);
  return {
    ...event,
    requestContext: {
      ...event.requestContext,
      authorizer: { principalId: '', integrationLatency: 0, jwt: { claims, scopes: null } },
    },
  } as APIGatewayProxyEventV2WithJWTAuthorizer;
}

const ALICE = {
  sub: '3f1c2a9e-0000-4000-8000-000000000001',
  email: 'alice@desk.example',
  iss: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Example',
  client_id: 'analyst-app-client',
};

describe('API Lambda adapter with the JWT authorizer', () => {
  it('makes the configured actor claim the principal and passes the claims on, never headers', () => {
    const request = toApiRequest(
      jwtEvent(
        'GET',
        '/v1/tenants',
        { ...ALICE, 'cognito:groups': '[abuse-analysts]' },
        {
          headers: { authorization: 'Bearer eyJ.fake.token', 'x-principal': 'root' },
        },
      ),
      { jwtActorClaim: 'email' },
    );
    expect(request.principal).toEqual({
      id: 'alice@desk.example',
      claims: { ...ALICE, 'cognito:groups': '[abuse-analysts]' },
    });
  });

  it('uses sub as the actor when no claim is configured', () => {
    expect(toApiRequest(jwtEvent('GET', '/v1/tenants', ALICE)).principal?.id).toBe(ALICE.sub);
  });

  it('grants read and manage from the group claim and audits the actor; no group gets a 403', async () => {
    const api = createApi({
      now: () => '2026-11-24T12:00:00.000Z',
      authenticate: createPrincipalAuthenticator(principalRoleOptions(JWT_AUTH)),
      health: async () => ({ status: 'ok' }),
      checkSending: async () => ({ allowed: true, state: 'active' }),
    });
    const log = collectLog();
    const handler = createApiLambdaHandler(api, createJsonLog({}, log.write), {
      jwtActorClaim: 'email',
      roles: principalRoleOptions(JWT_AUTH),
    });
    const whoami = (groups: string | undefined) =>
      handler(
        jwtEvent('GET', '/v1/tenants', groups === undefined ? ALICE : { ...ALICE, 'cognito:groups': groups }),
      );
    const reader = await whoami('[abuse-analysts]');
    const stranger = await whoami('[marketing]');
    const noClaim = await whoami(undefined);
    // No analyst stores are wired, so a request that passes the role check reaches the route and gets its 503.
    expect(reader.statusCode).toBe(503);
    for (const refused of [stranger, noClaim]) {
      expect(refused.statusCode).toBe(403);
      expect(JSON.parse(refused.body ?? '{}')).toEqual({
        error: {
          code: 'forbidden',
          message:
            'Your identity is verified, but its "cognito:groups" claim grants no role in this API. ' +
            'Ask an administrator to add you to a read or manage group.',
        },
      });
      expect(refused.headers?.['www-authenticate']).toContain('error="insufficient_scope"');
    }
    const lead = await handler(
      jwtEvent(
        'POST',
        '/v1/tenants/acme/lift',
        { ...ALICE, 'cognito:groups': '[abuse-analysts abuse-leads]' },
        {
          body: '{"reason":"fixed"}',
        },
      ),
    );
    const analyst = await handler(
      jwtEvent(
        'POST',
        '/v1/tenants/acme/lift',
        { ...ALICE, 'cognito:groups': 'abuse-analysts' },
        { body: '{}' },
      ),
    );
    expect(analyst.statusCode).toBe(403);
    expect(JSON.parse(analyst.body ?? '{}').error.message).toBe('This action needs the manage role.');
    expect(lead.statusCode).toBe(503);
    expect(log.lines.some((line) => line.includes('"principal":"alice@desk.example"'))).toBe(true);
  });

  it('answers 401 and logs the claim name when a verified token lacks the actor claim', async () => {
    const log = collectLog();
    const handler = createApiLambdaHandler(
      createApi({
        now: () => '2026-11-24T12:00:00.000Z',
        authenticate: createPrincipalAuthenticator(principalRoleOptions(JWT_AUTH)),
        health: async () => ({ status: 'ok' }),
        checkSending: async () => ({ allowed: true, state: 'active' }),
      }),
      createJsonLog({}, log.write),
      { jwtActorClaim: 'email' },
    );
    const { email: _email, ...withoutEmail } = ALICE;
    const result = await handler(
      jwtEvent('GET', '/v1/tenants', { ...withoutEmail, 'cognito:groups': '[abuse-leads]' }),
    );
    expect(result.statusCode).toBe(401);
    expect(
      log.lines.some(
        (line) => line.includes('api.jwt-without-actor') && line.includes('"actorClaim":"email"'),
      ),
    ).toBe(true);
  });
});
