/** Attribution core: which tenant sent a reported message, and the evidence for it (DESIGN §3). */
export { type AttributionContext, attributeMessage } from './attribute-message.ts';
export type { ExternalKeyResolver } from './dkim-checks.ts';
export {
  DKIM_EXPIRY_SKEW_SECONDS,
  type DkimCheck,
  type DkimResult,
  type DkimVerifyOptions,
  verifyDkimSignature,
} from './dkim-verify.ts';
export { formatAttribution } from './format-attribution.ts';
