import type { ApiPrincipal } from '../api-types.ts';
import { claimValues } from './claim-values.ts';

/**
 * What API Gateway's JWT authorizer puts on a payload 2.0 event (`requestContext.authorizer.jwt`) after it
 * verified the token's signature, issuer, audience and expiry: the claims, and the scopes the route required.
 */
export interface JwtAuthorizerContext {
  readonly claims?: Readonly<Record<string, unknown>> | null;
  readonly scopes?: readonly string[] | null;
}

/** Claim the audit actor is taken from by default: `sub` is in every OIDC token and never reassigned (OIDC Core §2). */
export const DEFAULT_JWT_ACTOR_CLAIM = 'sub';
/** OAuth 2.0 scope claim (RFC 8693 §4.2); API Gateway's `scopes` are merged into it. */
const SCOPE_CLAIM = 'scope';

/**
 * The principal of a verified JWT: `id` is the `actorClaim` value (a string, or a number rendered as text), the
 * claims are passed on for role mapping, and the authorizer's `scopes` are added to the `scope` claim so a role
 * may be granted by scope either way. No actor claim means no principal (the request stays unauthenticated).
 */
export function jwtPrincipal(
  context: JwtAuthorizerContext | null | undefined,
  actorClaim: string = DEFAULT_JWT_ACTOR_CLAIM,
): ApiPrincipal | undefined {
  const claims = context?.claims ?? {};
  const actor = claims[actorClaim];
  const id = typeof actor === 'string' ? actor.trim() : typeof actor === 'number' ? String(actor) : '';
  if (id === '') return undefined;
  const scopes = [...claimValues(claims[SCOPE_CLAIM]), ...(context?.scopes ?? [])];
  return {
    id,
    claims: scopes.length === 0 ? { ...claims } : { ...claims, [SCOPE_CLAIM]: [...new Set(scopes)] },
  };
}
