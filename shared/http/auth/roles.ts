/** Roles of the analyst API: `read` sees everything, `manage` may also lift, change policy and replay. */
export const API_ROLES = ['read', 'manage'] as const;
export type ApiRole = (typeof API_ROLES)[number];

/** An authenticated caller: `actor` goes into the audit trail. */
export interface ApiIdentity {
  readonly actor: string;
  readonly role: ApiRole;
}

/** Whether `identity` holds at least `needed`. */
export function hasRole(identity: ApiIdentity, needed: ApiRole): boolean {
  return needed === 'read' || identity.role === 'manage';
}
