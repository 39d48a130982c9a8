/**
 * The `apiAuth` context value: which API Gateway authorizer proves callers of the HTTP API. `iam` (the default)
 * keeps SigV4 with roles from `apiManageRoles`; a JWT object lets analysts sign in through their identity provider
 * (Cognito, Okta, Entra ID) and maps one claim's values to the API's roles.
 */

/** SigV4 on every route; `apiManageRoles` names the IAM roles that get `manage`. */
export interface IamApiAuthConfig {
  readonly type: 'iam';
}

/** API Gateway's JWT authorizer on the analyst routes; the claims it verified decide the actor and the role. */
export interface JwtApiAuthConfig {
  readonly type: 'jwt';
  /** The token's `iss`, exactly (e.g. `https://cognito-idp.<region>.amazonaws.com/<user pool id>`). */
  readonly issuer: string;
  /** Accepted `aud` values (API Gateway also accepts Cognito access tokens' `client_id`); at least one. */
  readonly audience: readonly string[];
  /** Claim whose values grant roles: `groups` by default, `cognito:groups` for Cognito groups, `scope` for scopes. */
  readonly roleClaim: string;
  /** Claim recorded as the actor in the audit trail: `sub` by default (stable), or e.g. `email`, `username`. */
  readonly actorClaim: string;
  /** Role-claim values that grant `manage` (lift, policy changes, replays; implies read). */
  readonly manageValues: readonly string[];
  /** Role-claim values that grant `read`; at least one, since every user of the issuer holds a valid token. */
  readonly readValues: readonly string[];
  /** How the MTA's enforcement route is authorized: `iam` (default, the MTA signs with its role) or `jwt`. */
  readonly enforcementAuth: 'iam' | 'jwt';
  /**
   * Scopes of which a token must carry one on every JWT route (API Gateway's `authorizationScopes`); empty = none.
   * Requiring a scope refuses ID tokens, which carry none, where access tokens are meant (AWS's advice).
   */
  readonly requiredScopes: readonly string[];
}

/** The API's authorization, as configured. */
export type ApiAuthConfig = IamApiAuthConfig | JwtApiAuthConfig;

/** The default: SigV4 (IAM) everywhere, as before JWT support. */
export const IAM_API_AUTH: IamApiAuthConfig = { type: 'iam' };
/** RFC 9068 §2.2.3.1 names `groups` for group membership in JWT access tokens; Okta and Entra ID use it too. */
export const DEFAULT_ROLE_CLAIM = 'groups';
/** `sub` is in every OIDC token and never reassigned to another user (OIDC Core §2). */
export const DEFAULT_ACTOR_CLAIM = 'sub';

const FIELDS = [
  'type',
  'issuer',
  'audience',
  'roleClaim',
  'actorClaim',
  'manageValues',
  'readValues',
  'enforcementAuth',
  'requiredScopes',
] as const;
/** Claim names: printable ASCII without spaces (covers `cognito:groups` and URL-namespaced claims). */
const CLAIM_NAME = /^[\x21-\x7e]{1,256}$/;
/**
 * Claim values: API Gateway passes array claims as `[a b]` and `scope` is space-separated, so a value holding a
 * space, comma or bracket could never be matched; commas also separate values in the function's environment.
 */
const CLAIM_VALUE = /^[^\s,[\]]{1,256}$/;

/**
 * Reads `apiAuth` from context: absent, `""` or `"iam"` is IAM; otherwise a JSON object (or its text from
 * `-c apiAuth='{…}'`) with `"type": "jwt"`. `fail` throws the caller's error, naming the context key.
 */
export function readApiAuth(raw: unknown, fail: (problem: string) => never): ApiAuthConfig {
  const value = typeof raw === 'string' && raw.trim().startsWith('{') ? parseObject(raw, fail) : raw;
  if (value === undefined || value === '' || value === 'iam') return IAM_API_AUTH;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('must be "iam" or a JSON object {"type":"jwt","issuer":"https://…","audience":[…],…}');
  }
  const object = value as Record<string, unknown>;
  const unknown = Object.keys(object).filter((key) => !(FIELDS as readonly string[]).includes(key));
  if (unknown.length > 0) fail(`unknown field "${unknown[0]}" (fields: ${FIELDS.join(', ')})`);
  if (object['type'] === 'iam') {
    if (Object.keys(object).length > 1)
      fail('with "type": "iam" give no other field (roles: apiManageRoles)');
    return IAM_API_AUTH;
  }
  if (object['type'] !== 'jwt') fail('field "type" must be "iam" or "jwt"');
  const readValues = values(object, 'readValues', fail);
  if (readValues.length === 0) {
    fail('field "readValues" must name at least one value: every user of the issuer holds a valid token');
  }
  return {
    type: 'jwt',
    issuer: issuer(object['issuer'], fail),
    audience: audience(object['audience'], fail),
    roleClaim: claimName(object, 'roleClaim', DEFAULT_ROLE_CLAIM, fail),
    actorClaim: claimName(object, 'actorClaim', DEFAULT_ACTOR_CLAIM, fail),
    manageValues: values(object, 'manageValues', fail),
    readValues,
    enforcementAuth: enforcementAuth(object['enforcementAuth'], fail),
    requiredScopes: values(object, 'requiredScopes', fail),
  };
}

function parseObject(text: string, fail: (problem: string) => never): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return fail('is not valid JSON (with -c, give the object on one line)');
  }
}

function issuer(value: unknown, fail: (problem: string) => never): string {
  if (typeof value !== 'string' || value.trim() === '') {
    return fail('field "issuer" is required: the https URL in the tokens\' "iss" claim');
  }
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return fail(`field "issuer": "${value}" is not a URL`);
  }
  // API Gateway fetches the keys from <issuer>/.well-known/openid-configuration, over TLS only.
  if (url.protocol !== 'https:' || url.search !== '' || url.hash !== '' || url.username !== '') {
    fail(`field "issuer": "${value}" must be an https URL without query, fragment or credentials`);
  }
  return value.trim();
}

function audience(value: unknown, fail: (problem: string) => never): string[] {
  const items = stringList(value, 'audience', fail);
  if (items.length === 0) fail('field "audience" must list at least one audience (the app client id)');
  return items;
}

function claimName(
  object: Record<string, unknown>,
  field: 'roleClaim' | 'actorClaim',
  fallback: string,
  fail: (problem: string) => never,
): string {
  const value = object[field];
  if (value === undefined || value === '') return fallback;
  if (typeof value !== 'string' || !CLAIM_NAME.test(value.trim())) {
    return fail(`field "${field}" must be a claim name such as ${fallback}`);
  }
  return value.trim();
}

function values(
  object: Record<string, unknown>,
  field: 'manageValues' | 'readValues' | 'requiredScopes',
  fail: (problem: string) => never,
): string[] {
  const items = stringList(object[field], field, fail);
  for (const item of items) {
    if (!CLAIM_VALUE.test(item)) {
      fail(`field "${field}": "${item}" cannot be matched (no spaces, commas or brackets in claim values)`);
    }
  }
  return items;
}

function enforcementAuth(value: unknown, fail: (problem: string) => never): 'iam' | 'jwt' {
  if (value === undefined || value === '' || value === 'iam') return 'iam';
  if (value === 'jwt') return 'jwt';
  return fail('field "enforcementAuth" must be "iam" (the MTA signs with SigV4) or "jwt"');
}

/** A JSON array of strings or a comma-separated string, trimmed, without empty items. */
function stringList(value: unknown, field: string, fail: (problem: string) => never): string[] {
  if (value === undefined || value === '') return [];
  const items = typeof value === 'string' ? value.split(',') : value;
  if (!Array.isArray(items) || items.some((item) => typeof item !== 'string')) {
    return fail(`field "${field}" must be a list of strings`);
  }
  return (items as string[]).map((item) => item.trim()).filter((item) => item !== '');
}
