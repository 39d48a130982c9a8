/** States of a tenant's sending (issue 5): active → warned → restricted; unregistered-domain blocks are separate. */
export const TENANT_STATES = ['active', 'warned', 'restricted', 'probation'] as const;
export type TenantState = (typeof TENANT_STATES)[number];

export const RESTRICTION_KINDS = ['tenant-threshold', 'unregistered-domains'] as const;
export type RestrictionKind = (typeof RESTRICTION_KINDS)[number];

/** Exact replies the outbound MTA gives (Exchange Online wording). */
export const SMTP_REPLIES = {
  'tenant-threshold': '550 5.7.705 Access denied, tenant has exceeded threshold',
  'unregistered-domains':
    '550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains',
} as const satisfies Record<RestrictionKind, string>;

/** A restriction in force until an analyst lifts it. */
export interface Restriction {
  readonly tenantId: string;
  readonly kind: RestrictionKind;
  /** ISO 8601 UTC. */
  readonly since: string;
  /** Score (or unregistered-relay count) at the moment it was imposed. */
  readonly scoreAtRestriction: number;
  readonly smtpReply: string;
}

/** Exchange Online's remediation checklist; all must be confirmed to lift (issue 5 §3). */
export const REMEDIATION_CHECKLIST = [
  'accepted-domains-registered',
  'connectors-reviewed',
  'compromised-accounts-secured',
  'admin-mfa-enabled',
  'on-premises-servers-locked-down',
] as const;
export type RemediationItem = (typeof REMEDIATION_CHECKLIST)[number];

/** The answer to "may this tenant send from this domain now?". */
export type SendingDecision =
  | { readonly allowed: true; readonly state: TenantState }
  | {
      readonly allowed: false;
      readonly state: TenantState;
      readonly kind: RestrictionKind;
      readonly smtpReply: string;
    };

/** One line of a tenant's audit trail. */
export interface AuditEntry {
  readonly tenantId: string;
  /** ISO 8601 UTC. */
  readonly at: string;
  /** `system` for automatic transitions, else the analyst's identity. */
  readonly actor: string;
  readonly action: string;
  readonly reason?: string;
  readonly details?: Readonly<Record<string, unknown>>;
}
