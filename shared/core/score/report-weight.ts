import type { ReportRecord } from '../model/records.ts';
import type { ScoringPolicy } from './policy.ts';

/** What one report is worth toward a restriction, and why (for explanations). */
export interface ReportWeight {
  readonly weight: number;
  /** Counts toward the 5.7.750 unregistered-domain rule too. */
  readonly unregisteredRelay: boolean;
  /** Why the weight is 0, when it is. */
  readonly zeroBecause?: 'unattributed' | 'not-restrict-capable' | 'feedback-type' | 'reporter-trust';
}

/**
 * weight = feedback-type weight × reporter-trust factor × attribution-confidence factor (DESIGN §4).
 * Only an attribution marked restrictCapable counts: weak, forgeable attribution adds nothing whatever the policy.
 */
export function reportWeight(report: ReportRecord, policy: ScoringPolicy): ReportWeight {
  const attribution = report.attribution;
  if (attribution.outcome !== 'attributed' || report.tenantId === undefined) {
    return { weight: 0, unregisteredRelay: false, zeroBecause: 'unattributed' };
  }
  if (!attribution.restrictCapable || attribution.confidence === 'weak') {
    return { weight: 0, unregisteredRelay: false, zeroBecause: 'not-restrict-capable' };
  }
  const typeWeight = policy.feedbackWeights[report.feedback.feedbackType] ?? 0;
  if (typeWeight <= 0) return { weight: 0, unregisteredRelay: false, zeroBecause: 'feedback-type' };
  const trust = policy.trustFactors[report.reporterTrust] ?? 0;
  if (trust <= 0) return { weight: 0, unregisteredRelay: false, zeroBecause: 'reporter-trust' };
  const weight = typeWeight * trust * (policy.confidenceFactors[attribution.confidence] ?? 0);
  return { weight, unregisteredRelay: weight > 0 && attribution.unregisteredDomainRelay };
}
