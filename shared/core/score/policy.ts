/**
 * The scoring policy as typed data (DESIGN §4, issue 5 §1). Every number has its reason beside it; README.md
 * "Scoring policy" documents the defaults and how to tune them.
 */
import type { AttributionConfidence } from '../model/attribution.ts';
import type { FeedbackType } from '../model/feedback.ts';
import type { ReporterTrust } from '../model/records.ts';
import type { PolicyOverrides } from '../model/tenant.ts';

/** Optional complaint-rate rule for tenants whose daily sending volume is known. */
export interface ComplaintRateRule {
  /** Complaint rate that warns: SES puts an account under review at 0.1 %. */
  readonly warnRate: number;
  /** Complaint rate that restricts: Gmail's bulk-sender line is 0.3 % (SES pauses at 0.5 %). */
  readonly restrictRate: number;
  /** Never restrict on rate below this score, so one complaint against a tiny sender is not a restriction. */
  readonly minimumScore: number;
}

/** The whole policy; resolvePolicy applies a tenant's PolicyOverrides on top of the platform's. */
export interface ScoringPolicy {
  /** Every contribution halves after this many hours. */
  readonly halfLifeHours: number;
  /** Length of a score bucket and of the per-reporter cap window. */
  readonly windowHours: number;
  /** Buckets older than this many half-lives are ignored (2^-20 ≈ 1e-6 of their weight remains). */
  readonly lookbackHalfLives: number;
  /** Weight of one report by its feedback type (RFC 5965 §7.3). */
  readonly feedbackWeights: Readonly<Record<FeedbackType, number>>;
  /** Factor by who reported it. */
  readonly trustFactors: Readonly<Record<ReporterTrust, number>>;
  /** Factor by how sure attribution is; `weak` is forced to 0 whatever is configured (forgeable evidence). */
  readonly confidenceFactors: Readonly<Record<AttributionConfidence, number>>;
  /** Most one reporter adds to one tenant per window, in weight units at the window start. */
  readonly perReporterCap: Readonly<Record<ReporterTrust, number>>;
  /** Most all reporters of one trust class add to one tenant per window; null = no class cap. */
  readonly perTrustClassCap: Readonly<Record<ReporterTrust, number | null>>;
  /** Score at which the tenant is warned (default 50 % of restrictThreshold). */
  readonly warnThreshold: number;
  /** Score at which the tenant is restricted with 5.7.705. */
  readonly restrictThreshold: number;
  /** Decayed weight of unregistered-domain relays at which sending from unregistered domains stops (5.7.750). */
  readonly unregisteredDomainThreshold: number;
  /** Warned tenants return to active below warnThreshold × this, so a score at the line does not flap. */
  readonly warnClearFactor: number;
  /** Probation after a lift: its length and the factor applied to the thresholds meanwhile. */
  readonly probationDays: number;
  readonly probationFactor: number;
  readonly complaintRate: ComplaintRateRule;
  /** Messages per day the tenant sends; only set through per-tenant overrides. */
  readonly dailySendingVolume?: number;
}

/** The platform defaults (README "Scoring policy" explains each). */
export const DEFAULT_POLICY: ScoringPolicy = {
  halfLifeHours: 24,
  windowHours: 24,
  lookbackHalfLives: 20,
  feedbackWeights: {
    abuse: 1,
    fraud: 1.5, // phishing and fraud harm more than unwanted mail
    virus: 1.5,
    other: 0.5,
    'opt-out': 0.25, // an unsubscribe request is a weak complaint
    'not-spam': 0, // says nothing against the tenant
    'auth-failure': 0, // usually spoofing of the tenant's domain, not mail it sent
  },
  trustFactors: { 'automated-feed': 1.5, 'authenticated-human': 1, unauthenticated: 0.2 },
  confidenceFactors: { proven: 1, strong: 0.8, weak: 0 },
  // A feed speaks for many complaining users; a person for one. 3 per day from one person is plenty.
  perReporterCap: { 'automated-feed': 50, 'authenticated-human': 3, unauthenticated: 1 },
  // Unauthenticated identities are free to forge: together they stay below warnThreshold / 2 per window,
  // so at steady state (sum of halving windows = 2×) they never reach warnThreshold alone.
  perTrustClassCap: { 'automated-feed': null, 'authenticated-human': null, unauthenticated: 4 },
  warnThreshold: 10,
  restrictThreshold: 20,
  unregisteredDomainThreshold: 10,
  warnClearFactor: 0.5,
  probationDays: 14,
  probationFactor: 0.5,
  complaintRate: { warnRate: 0.001, restrictRate: 0.003, minimumScore: 5 },
};

/** Invalid policy data; the message names the field and what it must be. */
export class PolicyError extends Error {
  override name = 'PolicyError';
}

/** The policy for one tenant: platform policy with the tenant's overrides; warn defaults to 50 % of restrict. */
export function resolvePolicy(base: ScoringPolicy, overrides?: PolicyOverrides): ScoringPolicy {
  if (overrides === undefined) return base;
  const restrictThreshold = overrides.restrictThreshold ?? base.restrictThreshold;
  const warnThreshold =
    overrides.warnThreshold ??
    (overrides.restrictThreshold === undefined ? base.warnThreshold : restrictThreshold / 2);
  return {
    ...base,
    restrictThreshold,
    warnThreshold,
    unregisteredDomainThreshold: overrides.unregisteredDomainThreshold ?? base.unregisteredDomainThreshold,
    halfLifeHours: overrides.halfLifeHours ?? base.halfLifeHours,
    ...(overrides.dailySendingVolume === undefined
      ? {}
      : { dailySendingVolume: overrides.dailySendingVolume }),
  };
}

/**
 * Reads a platform policy from configuration (JSON/YAML already parsed): missing fields take DEFAULT_POLICY,
 * nested records merge field by field. Throws PolicyError naming the bad field.
 */
export function parseScoringPolicy(input: unknown, base: ScoringPolicy = DEFAULT_POLICY): ScoringPolicy {
  if (input === undefined || input === null) return base;
  if (!isRecord(input)) throw new PolicyError('scoring policy: expected an object of policy fields');
  const merged = mergeInto(base as unknown as Record<string, unknown>, input, 'policy') as unknown;
  const policy = merged as ScoringPolicy;
  if (policy.warnThreshold > policy.restrictThreshold) {
    throw new PolicyError('policy.warnThreshold: must not exceed policy.restrictThreshold');
  }
  if (policy.confidenceFactors.weak !== 0) {
    throw new PolicyError('policy.confidenceFactors.weak: must be 0 (weak attribution never restricts)');
  }
  return policy;
}

function mergeInto(base: Record<string, unknown>, input: Record<string, unknown>, path: string): unknown {
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(input)) {
    const field = `${path}.${key}`;
    if (!(key in base) && key !== 'dailySendingVolume') throw new PolicyError(`${field}: unknown field`);
    const current = base[key];
    if (isRecord(current)) {
      if (!isRecord(value)) throw new PolicyError(`${field}: expected an object`);
      result[key] = mergeInto(current, value, field);
    } else if (value === null && current === null) {
      result[key] = null;
    } else if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new PolicyError(`${field}: expected a non-negative number${current === null ? ' or null' : ''}`);
    } else {
      result[key] = value;
    }
  }
  return result;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
