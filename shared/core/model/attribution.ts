/** The kinds of evidence attribution weighs, strongest first (DESIGN §3). */
export const SIGNAL_KINDS = [
  'tenant-header', // platform-stamped tenant id header
  'platform-hop', // platform outbound Received hop and the client IP it recorded
  'feedback-id', // Feedback-ID / CFBL-Feedback-ID naming a tenant
  'dkim-domain', // DKIM d= against accepted domains
  'envelope-domain', // Return-Path / Original-Mail-From domain
  'from-domain', // From domain
] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

/**
 * What one signal showed.
 * - `proof`: cryptographically or topologically trustworthy evidence for `tenantId`.
 * - `supports`: names `tenantId` but can be forged or is unverified.
 * - `untrusted`: present but discarded (forged, not covered by a signature, body hash failed…).
 * - `no-match`: present, names no tenant of ours.
 */
export type SignalVerdict = 'proof' | 'supports' | 'untrusted' | 'no-match';

export interface AttributionSignal {
  readonly kind: SignalKind;
  /** The value looked at (header value, IP, domain). */
  readonly value: string;
  readonly verdict: SignalVerdict;
  readonly tenantId?: string;
  /** One sentence an analyst can read: why this verdict. */
  readonly detail: string;
}

/**
 * - `proven`: tenant header under a verified platform signature or below the platform's own hop.
 * - `strong`: dedicated IP seen by the platform's hop, or a verified DKIM d= of an accepted domain.
 * - `weak`: only forgeable evidence (unverified d=, envelope or From domain). Never restrict-capable.
 */
export type AttributionConfidence = 'proven' | 'strong' | 'weak';

/** Facts about the reported message useful whatever the outcome. */
export interface AttributionEvidence {
  readonly senderAddress?: string;
  readonly senderDomain?: string;
  readonly envelopeDomain?: string;
  readonly fromDomain?: string;
  readonly dkimDomains: readonly string[];
  /** IP that handed the message to the platform (submission client) or to the recipient's side. */
  readonly sourceIp?: string;
  /** Submission path or connector where visible (e.g. the platform hop's `with`/`by`, or a connector header). */
  readonly connector?: string;
}

export const UNATTRIBUTED_REASONS = [
  'not-our-mail', // no platform signal and no accepted-domain match
  'headers-missing', // nothing to attribute on
  'conflict', // strong signals name different tenants and no stronger one decides
  'unknown-tenant', // a proven tenant id that the directory does not know
] as const;
export type UnattributedReason = (typeof UNATTRIBUTED_REASONS)[number];

export type Attribution =
  | {
      readonly outcome: 'attributed';
      readonly tenantId: string;
      readonly confidence: AttributionConfidence;
      readonly decidingSignal: SignalKind;
      /** Whether this attribution may count toward a restriction (never when `weak`). */
      readonly restrictCapable: boolean;
      /** Tenant proven, but the sending domains are not among its accepted domains (DESIGN §3). */
      readonly unregisteredDomainRelay: boolean;
      /** Sending domains found that the tenant has not registered. */
      readonly unregisteredDomains: readonly string[];
      readonly signals: readonly AttributionSignal[];
      readonly evidence: AttributionEvidence;
      /** Human-readable account of the decision. */
      readonly explanation: string;
    }
  | {
      readonly outcome: 'unattributed';
      readonly reason: UnattributedReason;
      readonly signals: readonly AttributionSignal[];
      readonly evidence: AttributionEvidence;
      readonly explanation: string;
    };
