/**
 * What the core needs from the outside world. Adapters (shared/adapters, local/, functions/) implement these;
 * the core never constructs a client or reads the environment.
 */
import type { AcceptedDomain, ReportRecord, SubmissionRecord, Tenant } from './model/index.ts';

/** Look-ups the attribution stage needs (DESIGN §5: by id, by accepted domain, by dedicated IP). */
export interface TenantDirectory {
  getTenant(tenantId: string): Promise<Tenant | undefined>;
  /** The tenant owning `domain`, exactly or as a subdomain of a domain registered with `includeSubdomains`. */
  findTenantByDomain(domain: string): Promise<{ tenant: Tenant; accepted: AcceptedDomain } | undefined>;
  /** Tenants whose dedicated IPs or ranges contain `ip` (normally zero or one). */
  findTenantsByIp(ip: string): Promise<readonly Tenant[]>;
}

/** Where raw mail is kept before anything is acknowledged (S3 object, local blob file). */
export interface RawMailStore {
  /** Stores durably (idempotent for the same id); returns the location recorded on the submission. */
  put(submissionId: string, raw: Uint8Array): Promise<string>;
  get(submissionId: string): Promise<Uint8Array | undefined>;
}

/** Filters for listing reports, each served by a key or an index (DESIGN §5), never a Scan. */
export type ReportIndex =
  | { readonly by: 'tenant'; readonly tenantId: string }
  | { readonly by: 'source-ip'; readonly sourceIp: string }
  | { readonly by: 'sender-domain'; readonly senderDomain: string }
  | { readonly by: 'sender-address'; readonly senderAddress: string }
  | { readonly by: 'reporter'; readonly reporterDomain: string }
  | { readonly by: 'fingerprint'; readonly fingerprint: string }
  /** Compared normalised (lower-case, without angle brackets); stores without the index throw MissingIndexError. */
  | { readonly by: 'message-id'; readonly messageId: string }
  | { readonly by: 'received'; readonly day: string };

export interface ReportQuery {
  readonly index: ReportIndex;
  /** Inclusive ISO 8601 bounds on receivedAt. */
  readonly from?: string;
  readonly to?: string;
  /** Page size, default 50, max 500. */
  readonly limit?: number;
  /** Opaque cursor from a previous page. */
  readonly cursor?: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly cursor?: string;
}

/** Submissions and reports (DESIGN §5). All writes are idempotent for the same ids. */
export interface RecordStore {
  putSubmission(record: SubmissionRecord): Promise<void>;
  putReports(records: readonly ReportRecord[]): Promise<void>;
  /**
   * Removes reports by id (idempotent). Optional: reprocessing uses it to drop reports a submission no longer
   * yields (e.g. after a parser fix), so they do not linger in the indexes.
   */
  deleteReports?(reportIds: readonly string[]): Promise<void>;
  getSubmission(submissionId: string): Promise<SubmissionRecord | undefined>;
  /**
   * Optional batch forms for a worker recording many submissions at once (fewer round trips); order is not
   * kept, absent ids are left out. Without them the single-item methods are called per record.
   */
  putSubmissions?(records: readonly SubmissionRecord[]): Promise<void>;
  getSubmissions?(submissionIds: readonly string[]): Promise<SubmissionRecord[]>;
  getReport(reportId: string): Promise<ReportRecord | undefined>;
  /** Newest first. */
  queryReports(query: ReportQuery): Promise<Page<ReportRecord>>;
  /** Newest first; `status` filters through its own index. */
  listSubmissions(query: {
    readonly status?: 'processed' | 'unusable';
    readonly limit?: number;
    readonly cursor?: string;
  }): Promise<Page<SubmissionRecord>>;
}
