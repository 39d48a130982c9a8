import type { Authenticator } from './authenticator.ts';
import { claimValues } from './claim-values.ts';
import type { IdentityRole } from './roles.ts';

/** How verified claims map to roles in AWS mode. */
export interface PrincipalRoleOptions {
  /** Claim holding groups or scopes, e.g. `cognito:groups`, `groups` or `scope`. */
  readonly claim: string;
  /** Values of that claim that grant `manage`. */
  readonly manageValues: readonly string[];
  /** Values that grant `read`; empty means any authenticated principal may read. */
  readonly readValues: readonly string[];
}

/** The role `claims` grant under `options`: manage beats read; `none` when no configured value is present. */
export function principalRole(
  claims: Readonly<Record<string, unknown>> | undefined,
  options: PrincipalRoleOptions,
): IdentityRole {
  const values = claimValues(claims?.[options.claim]);
  if (values.some((v) => options.manageValues.includes(v))) return 'manage';
  if (options.readValues.length === 0 || values.some((v) => options.readValues.includes(v))) return 'read';
  return 'none';
}

/**
 * Trusts the principal the runtime put on the request (API Gateway IAM or JWT authorizer): the Lambda adapter sets
 * `request.principal` from the event's authorizer context, never from client headers. A proven principal whose
 * claims grant no role is still an identity (role `none`), so createApi answers 403, not 401: the credential is
 * valid, the permission is missing.
 */
export function createPrincipalAuthenticator(options: PrincipalRoleOptions): Authenticator {
  return async (request) => {
    const principal = request.principal;
    if (!principal?.id) return undefined;
    return { actor: principal.id, role: principalRole(principal.claims, options) };
  };
}
