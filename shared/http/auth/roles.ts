/** Roles of the analyst API: `read` sees everything, `manage` may also lift, change policy and replay. */
export const API_ROLES = ['read', 'manage'] as const;
export type ApiRole = (typeof API_ROLES)[number];

/**
 * What an authenticated caller holds: a role, or `none` for a caller whose identity was proven (a verified JWT
 * or IAM session) but whose claims grant no role, so the API answers 403 rather than 401 (RFC 6750 §3.1).
 */
export type IdentityRole = ApiRole | 'none';

/** An authenticated caller: `actor` goes into the audit trail. */
export interface ApiIdentity {
  readonly actor: string;
  readonly role: IdentityRole;
}

/** Whether `identity` holds at least `needed`. */
export function hasRole(identity: ApiIdentity, needed: ApiRole): boolean {
  if (identity.role === 'none') return false;
  return needed === 'read' || identity.role === 'manage';
}
