import type { APIGatewayProxyEventV2WithIAMAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ApiHandler, ApiPrincipal, ApiRequest, ApiResponse } from '../../shared/http/api-types.ts';
import { errorFields, type JsonLog } from '../json-log.ts';

/** Claim carrying the IAM role name of an assumed-role caller, matched against API_MANAGE_ROLES. */
export const IAM_ROLE_CLAIM = 'iam:role';
/** `arn:aws:sts::<account>:assumed-role/<role name>/<session>` (IAM identifiers reference). */
const ASSUMED_ROLE_ARN = /^arn:aws[a-z-]*:sts::\d{12}:assumed-role\/([^/]+)\/.+$/;

/**
 * Adapts API Gateway HTTP API (payload format 2.0) events to the runtime-neutral ApiHandler and its response
 * back. The caller's identity comes only from the IAM authorizer's context, never from request headers.
 */
export function createApiLambdaHandler(
  api: ApiHandler,
  log: JsonLog,
): (event: APIGatewayProxyEventV2WithIAMAuthorizer) => Promise<APIGatewayProxyStructuredResultV2> {
  return async (event) => {
    const request = toApiRequest(event);
    let response: ApiResponse;
    try {
      response = await api(request);
    } catch (error) {
      log.error('api.failed', { requestId: event.requestContext.requestId, ...errorFields(error) });
      response = { status: 500, body: { error: { code: 'internal', message: 'Internal error.' } } };
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
export function toApiRequest(event: APIGatewayProxyEventV2WithIAMAuthorizer): ApiRequest {
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
  const principal = principalOf(event);
  return {
    method: event.requestContext.http.method.toUpperCase(),
    path: event.rawPath,
    query: { ...(event.queryStringParameters ?? {}) },
    headers,
    ...(body !== undefined ? { body } : {}),
    ...(principal !== undefined ? { principal } : {}),
  };
}

function principalOf(event: APIGatewayProxyEventV2WithIAMAuthorizer): ApiPrincipal | undefined {
  const iam = event.requestContext.authorizer?.iam;
  if (!iam?.userArn) return undefined;
  const role = ASSUMED_ROLE_ARN.exec(iam.userArn)?.[1];
  return { id: iam.userArn, claims: role === undefined ? {} : { [IAM_ROLE_CLAIM]: role } };
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
  } else if (response.body !== undefined) {
    body = JSON.stringify(response.body);
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  return { statusCode: response.status, headers, ...(body !== undefined ? { body } : {}) };
}
