import type { AttributionConfidence, AttributionSignal } from '../model/index.ts';

/** A recorded signal and how strongly it counts toward its tenant (undefined: it names none). */
export interface WeighedSignal {
  readonly signal: AttributionSignal;
  readonly strength?: AttributionConfidence;
  /** A proven tenant id the directory does not know (unattributed `unknown-tenant`). */
  readonly unknownTenant?: boolean;
}

/** Strongest first, the order in which the decision looks at them. */
export const STRENGTH_ORDER: readonly AttributionConfidence[] = ['proven', 'strong', 'weak'];
