import type {
  AuditEntry,
  RemediationItem,
  RestrictionKind,
  SendingDecision,
  Tenant,
  TenantState,
} from '../core/model/index.ts';
import type { Page, RecordStore } from '../core/ports.ts';
import type { Authenticator } from './auth/authenticator.ts';

/** What the runtime reports about itself on `/health` (local: disk queue; AWS: SQS attributes). */
export interface RuntimeHealth {
  /** `ok` answers 200, anything else 503 so load balancers notice. */
  readonly status: 'ok' | 'degraded';
  readonly queueDepth?: number;
  readonly deadLetters?: number;
  readonly lastError?: string;
  /** Anything else worth showing (listen addresses, versions); must not contain secrets. */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** One tenant's standing as the API shows it. */
export interface TenantStanding {
  readonly tenantId: string;
  readonly score: number;
  readonly state: TenantState;
  readonly warnThreshold: number;
  readonly restrictThreshold: number;
  /** Decayed count of unregistered-domain relays, and the threshold for 5.7.750. */
  readonly unregisteredScore?: number;
  readonly unregisteredThreshold?: number;
  /** Restrictions in force (5.7.705 and/or 5.7.750). */
  readonly restrictions: readonly {
    readonly kind: string;
    readonly since: string;
    readonly smtpReply: string;
  }[];
}

/** A tenant's explanation: its standing plus top contributors (issue 5 §5), as S's explainTenant gives it. */
export interface TenantExplanationView extends TenantStanding {
  /** Contributors by dimension (`senders`, `sourceIps`, `domains`, `reporters`, `feedbackTypes`, `reports`). */
  readonly contributors: Readonly<Record<string, readonly Contribution[]>>;
  /** Human-readable account, when the scorer writes one. */
  readonly summary?: string;
  /** The last lift: contributors cover only reports received after it. */
  readonly contributionsSince?: string;
  /** Oldest report within the lookback (where a fitted score chart starts). */
  readonly firstReportAt?: string;
}

/** One contributor to a tenant's score. */
export interface Contribution {
  readonly key: string;
  readonly score: number;
  readonly count: number;
  /** For sending domains: whether the tenant registered it. */
  readonly registered?: boolean;
}

/** One point of a tenant's score curve. */
export interface ScorePoint {
  readonly at: string;
  readonly score: number;
}

/** What lifting needs (issue 5 §3). */
export interface LiftRequest {
  readonly tenantId: string;
  readonly actor: string;
  readonly reason: string;
  readonly checklist: readonly RemediationItem[];
  /** Lift only this kind; both when absent. */
  readonly kind?: RestrictionKind;
}

/**
 * The scoring functions the API calls, bound to their stores (see bind-scoring.ts for S's implementation).
 * Kept as an interface of functions so tests and runtimes can pass real stores or plain values.
 */
export interface ScoringApi {
  checkSending(tenantId: string, fromDomain: string | undefined, now: string): Promise<SendingDecision>;
  explainTenant(tenantId: string, now: string): Promise<TenantExplanationView>;
  /** Tenants by score, highest first. */
  topTenants(limit: number, now: string): Promise<readonly TenantStanding[]>;
  listRestrictedTenants(now: string): Promise<readonly TenantStanding[]>;
  scoreHistory(tenantId: string, points: readonly string[], now: string): Promise<readonly ScorePoint[]>;
  liftRestriction(request: LiftRequest, now: string): Promise<void>;
  auditTrail(tenantId: string, page: { limit?: number; cursor?: string }): Promise<Page<AuditEntry>>;
  /** Appends an entry for writes the API performs itself (policy changes, replays). */
  recordAudit(entry: AuditEntry): Promise<void>;
  suppressionList(tenantId: string): Promise<readonly string[]>;
  /** The platform policy and its defaults, as data. */
  policy(): Promise<unknown>;
  /** Replaces one tenant's policy overrides; absent when the runtime does not allow it. */
  setTenantPolicy?(tenantId: string, overrides: Tenant['policy'], now: string): Promise<void>;
}

/** The tenant directory as the API needs it. */
export interface TenantReader {
  getTenant(tenantId: string): Promise<Tenant | undefined>;
  findTenantByDomain(domain: string): Promise<{ tenant: Tenant } | undefined>;
  /** Tenants whose dedicated IPs contain `ip`; optional, for search. */
  findTenantsByIp?(ip: string): Promise<readonly Tenant[]>;
  listTenants(): Promise<readonly Tenant[]>;
}

/** Everything the analyst routes need; optional so a runtime can serve enforcement and health before it has them. */
export interface AnalystDeps {
  readonly records: RecordStore;
  readonly tenants: TenantReader;
  readonly scoring: ScoringApi;
  /** Raw mail by submission id (S3 object or local blob). */
  readonly rawMail: { get(submissionId: string): Promise<Uint8Array | undefined> };
  /** Replays dead letters (manage role); absent where the runtime has no dead-letter replay. */
  readonly replayDeadLetters?: (actor: string) => Promise<{ readonly replayed: number }>;
}

/** What createApi needs. */
export interface ApiDeps {
  /** The clock, ISO 8601 UTC. */
  readonly now: () => string;
  /** Decides who is calling (tokens locally, authorizer claims on AWS); see auth/. */
  readonly authenticate: Authenticator;
  /** Whether the enforcement route needs a token; default false, since the outbound MTA calls it. */
  readonly enforcementRequiresToken?: boolean;
  readonly health: () => Promise<RuntimeHealth>;
  /** The enforcement answer (S's checkSending, bound to its stores). */
  readonly checkSending: (
    tenantId: string,
    fromDomain: string | undefined,
    now: string,
  ) => Promise<SendingDecision>;
  readonly analyst?: AnalystDeps;
}
