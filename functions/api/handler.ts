import type {
  APIGatewayProxyEventV2WithIAMAuthorizer,
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
} from 'aws-lambda';
import type { ApiHandler, ApiPrincipal, ApiRequest, ApiResponse } from '../../shared/http/api-types.ts';
import { DEFAULT_JWT_ACTOR_CLAIM, jwtPrincipal } from '../../shared/http/auth/jwt-principal.ts';
import { type PrincipalRoleOptions, principalRole } from '../../shared/http/auth/principal-authenticator.ts';
import { errorFields, type JsonLog } from '../json-log.ts';
import type { ApiAuthEnvironment } from './env.ts';

/** An HTTP API (payload 2.0) event behind the IAM authorizer or the JWT authorizer. */
export type HttpApiEvent = APIGatewayProxyEventV2WithIAMAuthorizer | APIGatewayProxyEventV2WithJWTAuthorizer;

/** How the adapter reads identities. */
export interface ApiLambdaOptions {
  /** The claim a JWT's actor comes from (default `sub`). */
  readonly jwtActorClaim?: string;
  /** The deployment's role mapping, so a 403 for a caller whose claims grant no role says which claim was read. */
  readonly roles?: PrincipalRoleOptions;
}

/** Claim carrying the IAM role name of an assumed-role caller, matched against API_MANAGE_ROLES. */
export const IAM_ROLE_CLAIM = 'iam:role';
/** `arn:aws:sts::<account>:assumed-role/<role name>/<session>` (IAM identifiers reference). */
const ASSUMED_ROLE_ARN = /^arn:aws[a-z-]*:sts::\d{12}:assumed-role\/([^/]+)\/.+$/;

/** The role mapping of the deployment's authorizer: IAM role names, or the configured JWT claim and values. */
export function principalRoleOptions(auth: ApiAuthEnvironment): PrincipalRoleOptions {
  return auth.kind === 'iam'
    ? { claim: IAM_ROLE_CLAIM, manageValues: auth.manageRoles, readValues: [] }
    : { claim: auth.roleClaim, manageValues: auth.manageValues, readValues: auth.readValues };
}

/**
 * Adapts API Gateway HTTP API (payload format 2.0) events to the runtime-neutral ApiHandler and its response
 * back. The caller's identity comes only from the authorizer's context (IAM or JWT), never from request headers.
 */
export function createApiLambdaHandler(
  api: ApiHandler,
  log: JsonLog,
  options: ApiLambdaOptions = {},
): (event: HttpApiEvent) => Promise<APIGatewayProxyStructuredResultV2> {
  return async (event) => {
    const request = toApiRequest(event, options);
    if (request.principal === undefined && jwtContext(event) !== undefined) {
      // API Gateway verified the token, so a missing actor claim is a configuration mismatch, not an attack.
      log.warn('api.jwt-without-actor', {
        requestId: event.requestContext.requestId,
        actorClaim: options.jwtActorClaim ?? DEFAULT_JWT_ACTOR_CLAIM,
      });
    }
    let response: ApiResponse;
    try {
      response = await api(request);
    } catch (error) {
      log.error('api.failed', { requestId: event.requestContext.requestId, ...errorFields(error) });
      response = { status: 500, body: { error: { code: 'internal', message: 'Internal error.' } } };
    }
    if (
      response.status === 403 &&
      options.roles !== undefined &&
      request.principal !== undefined &&
      principalRole(request.principal.claims, options.roles) === 'none'
    ) {
      response = noRoleResponse(response, options.roles.claim);
    }
    log.info('api.request', {
      requestId: event.requestContext.requestId,
      method: request.method,
      route: event.routeKey,
      status: response.status,
      principal: request.principal?.id,
    });
    return toResult(response);
  };
}

/** The ApiRequest of one HTTP API event (header names arrive lower-cased in payload 2.0). */
export function toApiRequest(event: HttpApiEvent, options: ApiLambdaOptions = {}): ApiRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    if (value !== undefined) headers[name.toLowerCase()] = value;
  }
  const body =
    event.body === undefined
      ? undefined
      : event.isBase64Encoded
        ? Buffer.from(event.body, 'base64').toString('utf8')
        : event.body;
  const principal = principalOf(event, options);
  return {
    method: event.requestContext.http.method.toUpperCase(),
    path: event.rawPath,
    query: { ...(event.queryStringParameters ?? {}) },
    headers,
    ...(body !== undefined ? { body } : {}),
    ...(principal !== undefined ? { principal } : {}),
  };
}

function principalOf(event: HttpApiEvent, options: ApiLambdaOptions): ApiPrincipal | undefined {
  const jwt = jwtContext(event);
  if (jwt !== undefined) return jwtPrincipal(jwt, options.jwtActorClaim);
  const authorizer = event.requestContext.authorizer as Partial<
    APIGatewayProxyEventV2WithIAMAuthorizer['requestContext']['authorizer']
  > | null;
  const iam = authorizer?.iam;
  if (!iam?.userArn) return undefined;
  const role = ASSUMED_ROLE_ARN.exec(iam.userArn)?.[1];
  return { id: iam.userArn, claims: role === undefined ? {} : { [IAM_ROLE_CLAIM]: role } };
}

/**
 * createApi's 403 says which role the route needs; a caller holding no role at all is better told that the
 * identity was accepted and which claim was looked at (never which values would grant access).
 */
function noRoleResponse(forbidden: ApiResponse, claim: string): ApiResponse {
  const message =
    `Your identity is verified, but its "${claim}" claim grants no role in this API. ` +
    'Ask an administrator to add you to a read or manage group.';
  return {
    status: 403,
    ...(forbidden.headers ? { headers: forbidden.headers } : {}),
    body: { error: { code: 'forbidden', message } },
  };
}

function jwtContext(
  event: HttpApiEvent,
): APIGatewayProxyEventV2WithJWTAuthorizer['requestContext']['authorizer']['jwt'] | undefined {
  const authorizer = event.requestContext.authorizer as Partial<
    APIGatewayProxyEventV2WithJWTAuthorizer['requestContext']['authorizer']
  > | null;
  return authorizer?.jwt ?? undefined;
}

async function toResult(response: ApiResponse): Promise<APIGatewayProxyStructuredResultV2> {
  const headers = { ...(response.headers ?? {}) };
  let body: string | undefined;
  if (response.stream !== undefined) {
    // HTTP API integrations are buffered (6 MB payload limit), so a streamed export is collected first.
    const chunks: string[] = [];
    for await (const chunk of response.stream) chunks.push(chunk);
    body = chunks.join('');
  } else if (response.text !== undefined) {
    body = response.text;
  } else if (response.bytes !== undefined) {
    // API Gateway decodes a base64 body back to the exact bytes (payload format 2.0).
    return {
      statusCode: response.status,
      headers,
      body: Buffer.from(response.bytes).toString('base64'),
      isBase64Encoded: true,
    };
  } else if (response.body !== undefined) {
    body = JSON.stringify(response.body);
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  return { statusCode: response.status, headers, ...(body !== undefined ? { body } : {}) };
}
