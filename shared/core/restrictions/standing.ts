import type { RestrictionKind, TenantState } from '../model/restriction.ts';

/** One restriction in force, as kept on the standing. */
export interface ImposedRestriction {
  readonly since: string;
  /** The score (or relay score) that crossed the threshold. */
  readonly score: number;
}

/** One change of a tenant's standing, as audited and notified. */
export interface StandingChange {
  readonly action:
    | 'warned'
    | 'restricted'
    | 'unregistered-restricted'
    | 'cleared'
    | 'lifted'
    | 'probation-ended';
  readonly from: TenantState;
  readonly to: TenantState;
  readonly kind?: RestrictionKind;
  readonly score: number;
  readonly threshold?: number;
}

/** Changes committed with a version whose audit entries and notices may not be written yet (a one-item outbox). */
export interface PendingEffects {
  readonly version: number;
  readonly at: string;
  readonly actor: string;
  readonly reason: string;
  readonly changes: readonly StandingChange[];
  /** Extra audit details (the confirmed checklist of a lift). */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** What the score subtracts after a lift: the pre-lift scores, decaying from the lift time. */
export interface LiftBaseline {
  readonly at: string;
  readonly score: number;
  readonly unregistered: number;
}

/**
 * A tenant's sending standing (issue 5 §3). `version` grows by one on every committed change; writers commit only
 * if the version they read is still current, so concurrent workers cannot both apply a transition.
 */
export interface TenantStanding {
  readonly tenantId: string;
  readonly state: TenantState;
  readonly version: number;
  /** When the current state began. */
  readonly since: string;
  /** 5.7.705, present while state is `restricted`. */
  readonly restriction?: ImposedRestriction;
  /** 5.7.750, independent of state. */
  readonly unregisteredRestriction?: ImposedRestriction;
  readonly probationUntil?: string;
  readonly baseline?: LiftBaseline;
  readonly pending?: PendingEffects;
  readonly updatedAt: string;
}

/** A tenant nobody has scored yet. */
export function initialStanding(tenantId: string, now: string): TenantStanding {
  return { tenantId, state: 'active', version: 0, since: now, updatedAt: now };
}

/** Whether any restriction is in force (the restricted-tenants index holds exactly these). */
export function isRestricted(standing: TenantStanding): boolean {
  return standing.state === 'restricted' || standing.unregisteredRestriction !== undefined;
}
