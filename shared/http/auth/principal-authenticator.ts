import type { Authenticator } from './authenticator.ts';
import type { ApiRole } from './roles.ts';

/** How verified claims map to roles in AWS mode. */
export interface PrincipalRoleOptions {
  /** Claim holding groups or scopes, e.g. `cognito:groups` or `scope`. */
  readonly claim: string;
  /** Values of that claim that grant `manage`. */
  readonly manageValues: readonly string[];
  /** Values that grant `read`; empty means any authenticated principal may read. */
  readonly readValues: readonly string[];
}

function claimValues(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  // JWT `scope` is space-separated (RFC 8693 §4.2); Cognito groups arrive as "[a b]" through API Gateway.
  if (typeof value === 'string')
    return value
      .replace(/^\[|\]$/g, '')
      .split(/[\s,]+/)
      .filter(Boolean);
  return [];
}

/**
 * Trusts the principal the runtime put on the request (API Gateway IAM or JWT authorizer): the Lambda adapter sets
 * `request.principal` from the event's authorizer context, never from client headers.
 */
export function createPrincipalAuthenticator(options: PrincipalRoleOptions): Authenticator {
  return async (request) => {
    const principal = request.principal;
    if (!principal?.id) return undefined;
    const values = claimValues(principal.claims?.[options.claim]);
    const role: ApiRole | undefined = values.some((v) => options.manageValues.includes(v))
      ? 'manage'
      : options.readValues.length === 0 || values.some((v) => options.readValues.includes(v))
        ? 'read'
        : undefined;
    return role ? { actor: principal.id, role } : undefined;
  };
}
