import { type RestrictionKind, SMTP_REPLIES, type TenantState } from '../model/restriction.ts';
import type { Tenant } from '../model/tenant.ts';
import { initialStanding, type TenantStanding } from '../restrictions/standing.ts';
import { effectiveScores, type Thresholds, thresholdsFor } from '../restrictions/thresholds.ts';
import type { ScoringPolicy } from './policy.ts';
import { type RawScores, readScores } from './score-of-buckets.ts';
import type { ScoringDeps } from './scoring-deps.ts';
import { tenantPolicy } from './tenant-policy.ts';

/** A restriction in force as shown to analysts and the CLI. */
export interface RestrictionView {
  readonly kind: RestrictionKind;
  readonly since: string;
  readonly smtpReply: string;
  readonly scoreAtRestriction: number;
}

/** A tenant's standing as analysts see it (the shape the analyst API shows). */
export interface TenantStandingView {
  readonly tenantId: string;
  /** Whether the tenant directory knows the tenant. */
  readonly known: boolean;
  /** Decayed score now, after what a lift forgave. */
  readonly score: number;
  /** Decayed score now, including what a lift forgave (the top-tenants order). */
  readonly rawScore: number;
  readonly state: TenantState;
  readonly warnThreshold: number;
  readonly restrictThreshold: number;
  readonly unregisteredScore: number;
  readonly unregisteredThreshold: number;
  readonly thresholdBasis: Thresholds['basis'];
  readonly restrictions: readonly RestrictionView[];
  readonly probationUntil?: string;
  readonly version: number;
}

/** The view plus what computing it loaded, for callers that go on to explain or decide. */
export interface LoadedStanding {
  readonly view: TenantStandingView;
  readonly tenant: Tenant | undefined;
  readonly policy: ScoringPolicy;
  readonly standing: TenantStanding;
  readonly raw: RawScores;
}

/** Loads a tenant's standing, policy and scores at `now` and assembles the view. */
export async function loadStanding(
  tenantId: string,
  deps: ScoringDeps,
  now: string,
): Promise<LoadedStanding> {
  const { tenant, policy } = await tenantPolicy(tenantId, deps);
  const standing = (await deps.standings.getStanding(tenantId)) ?? initialStanding(tenantId, now);
  const raw = await readScores(tenantId, deps.scores, policy, now);
  const effective = effectiveScores(raw, standing, now, policy.halfLifeHours);
  const thresholds = thresholdsFor(policy, standing, now);
  const restrictions: RestrictionView[] = [];
  if (standing.state === 'restricted' && standing.restriction !== undefined) {
    restrictions.push(restrictionView('tenant-threshold', standing.restriction));
  }
  if (standing.unregisteredRestriction !== undefined) {
    restrictions.push(restrictionView('unregistered-domains', standing.unregisteredRestriction));
  }
  const view: TenantStandingView = {
    tenantId,
    known: tenant !== undefined,
    score: effective.score,
    rawScore: raw.score,
    state: standing.state,
    warnThreshold: thresholds.warn,
    restrictThreshold: thresholds.restrict,
    unregisteredScore: effective.unregistered,
    unregisteredThreshold: thresholds.unregistered,
    thresholdBasis: thresholds.basis,
    restrictions,
    ...(standing.probationUntil === undefined ? {} : { probationUntil: standing.probationUntil }),
    version: standing.version,
  };
  return { view, tenant, policy, standing, raw };
}

/** Short names of the restriction kinds, beside their enhanced status code (RFC 3463), for tables and badges. */
export const RESTRICTION_LABELS: Readonly<Record<RestrictionKind, string>> = {
  'tenant-threshold': '5.7.705 tenant threshold',
  'unregistered-domains': '5.7.750 unregistered domains',
};

function restrictionView(kind: RestrictionKind, imposed: { since: string; score: number }): RestrictionView {
  return { kind, since: imposed.since, smtpReply: SMTP_REPLIES[kind], scoreAtRestriction: imposed.score };
}
