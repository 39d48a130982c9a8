/** A domain a tenant registered as accepted (Exchange Online's "accepted domain"). */
export interface AcceptedDomain {
  /** Lower-cased, IDNA A-label form, no trailing dot. */
  readonly domain: string;
  /** When true, any subdomain of `domain` belongs to the tenant too. */
  readonly includeSubdomains: boolean;
}

/** Per-tenant policy overrides; undefined fields take the platform policy (see core/score/policy.ts). */
export interface PolicyOverrides {
  readonly warnThreshold?: number;
  readonly restrictThreshold?: number;
  readonly unregisteredDomainThreshold?: number;
  readonly halfLifeHours?: number;
  /** Messages per day the tenant sends, for the complaint-rate rule. */
  readonly dailySendingVolume?: number;
}

/** A tenant of the sending platform, as kept in the tenant directory. */
export interface Tenant {
  readonly tenantId: string;
  readonly name: string;
  readonly acceptedDomains: readonly AcceptedDomain[];
  /** Dedicated sending IPs and ranges, IPv4 or IPv6, as addresses or CIDR (`192.0.2.0/28`, `2001:db8::/64`). */
  readonly dedicatedIps: readonly string[];
  /** Where warnings and restriction notices go. */
  readonly adminContact?: string;
  readonly policy?: PolicyOverrides;
  /** ISO 8601 UTC. */
  readonly createdAt: string;
  readonly updatedAt: string;
}
