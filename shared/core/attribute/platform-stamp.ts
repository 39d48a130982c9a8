import { type DkimChecks, platformSignatureCovering, whyNotCovered } from './dkim-checks.ts';
import type { PlatformTrace } from './platform-trace.ts';

/** Whether the platform vouches for one header field, and why (as a clause). */
export interface StampJudgement {
  readonly trusted: boolean;
  readonly detail: string;
}

/**
 * Judges a field the platform's relays stamp (tenant header, connector): trusted when a verified platform
 * signature covers it, or when it sits below the confirmed outbound hop, which assumes the relays strip
 * copies their clients wrote (as Exchange Online does for its cross-tenant headers).
 */
export function judgePlatformStamp(index: number, checks: DkimChecks, trace: PlatformTrace): StampJudgement {
  const signature = platformSignatureCovering(checks, index);
  if (signature) {
    return {
      trusted: true,
      detail: `covered by a verified DKIM signature of ${signature.domain} (s=${signature.selector})`,
    };
  }
  if (trace.confirmed && trace.outboundHeaderIndex !== undefined && index > trace.outboundHeaderIndex) {
    return { trusted: true, detail: `stamped below the platform's confirmed hop by ${trace.outbound?.by}` };
  }
  const hop =
    trace.outbound === undefined
      ? 'no platform hop is present'
      : `the platform hop is not trusted: ${trace.reason}`;
  return { trusted: false, detail: `not proof: ${whyNotCovered(checks)}, and ${hop}` };
}
