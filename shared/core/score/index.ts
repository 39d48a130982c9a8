/** Scoring, restrictions and enforcement: the public API other modules call (see CONTRACTS.md, S). */
export { checkSending } from '../restrictions/check-sending.ts';
export { evaluateTenant, StandingConflictError, SYSTEM_ACTOR } from '../restrictions/evaluate-tenant.ts';
export { type LiftOutcome, type LiftRequest, liftRestriction } from '../restrictions/lift-restriction.ts';
export { REEVALUATE_LIMIT, reevaluateTenants } from '../restrictions/reevaluate-tenants.ts';
export { REMEDIATION_STEPS } from '../restrictions/remediation.ts';
export type { TenantStanding } from '../restrictions/standing.ts';
export { ScoreWriteConflictError } from './apply-bucket-write.ts';
export { bindScoring, LiftRejectedError } from './bind-scoring.ts';
export { complainingRecipient } from './complaint-suppressions.ts';
export { type Contributor, explainTenant, type TenantExplanation } from './explain-tenant.ts';
export {
  DEFAULT_POLICY,
  PolicyError,
  parseScoringPolicy,
  resolvePolicy,
  type ScoringPolicy,
} from './policy.ts';
export type * from './ports.ts';
export { type ScoringOutcome, scoreReports } from './score-reports.ts';
export type { ScoringDeps } from './scoring-deps.ts';
export type { TenantStandingView } from './standing-view.ts';
export {
  auditTrail,
  listRestrictedTenants,
  type PageRequest,
  scoreHistory,
  suppressionList,
  topTenants,
} from './tenant-queries.ts';
