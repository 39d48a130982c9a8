import type { KeyObject } from 'node:crypto';
import type { ReportedMessage } from '../model/index.ts';
import type { PlatformConfig } from '../platform/platform-config.ts';
import { readPublicKey } from '../platform/public-key.ts';
import { type DkimCheck, provesHeaders, verifyDkimSignature } from './dkim-verify.ts';

/** More signatures than any real relay chain adds; the rest are ignored rather than hashed. */
const MAX_CHECKED_SIGNATURES = 10;

/** Every DKIM signature of a message (up to a limit) checked once, split into the platform's and the others. */
export interface DkimChecks {
  readonly all: readonly DkimCheck[];
  readonly platformDomains: ReadonlySet<string>;
}

/** Resolves a DKIM key for a domain that is not the platform's (e.g. DNS at the edge); PEM or p= text. */
export type ExternalKeyResolver = (domain: string, selector: string) => Promise<string | undefined>;

/**
 * Checks each signature with the platform's configured keys, or `resolveKey` for other domains; `arrivedAt`
 * (seconds since the epoch) lets expired signatures (x=) be refused.
 */
export async function checkDkimSignatures(
  message: ReportedMessage,
  platform: PlatformConfig,
  resolveKey?: ExternalKeyResolver,
  arrivedAt?: number,
): Promise<DkimChecks> {
  const platformDomains = new Set(platform.signingKeys.map((key) => key.domain));
  const lookup = async (domain: string, selector: string): Promise<KeyObject | undefined> => {
    if (platformDomains.has(domain)) {
      const configured = platform.signingKeys.find(
        (key) => key.domain === domain && key.selector === selector,
      );
      return configured === undefined ? undefined : readPublicKey(configured.publicKey);
    }
    const text = await resolveKey?.(domain, selector);
    return text === undefined ? undefined : readPublicKey(text);
  };
  // RFC 6376 §6.1: verifiers may limit how many signatures they check; each costs a body hash and a key op.
  const checked = message.dkimSignatures.slice(0, MAX_CHECKED_SIGNATURES);
  const bodyHashes = new Map<string, string>();
  const options = arrivedAt === undefined ? { bodyHashes } : { bodyHashes, arrivedAt };
  const all = await Promise.all(checked.map((sig) => verifyDkimSignature(message, sig, lookup, options)));
  return { all, platformDomains };
}

/** The verified platform signature covering header `index`, if any. */
export function platformSignatureCovering(checks: DkimChecks, index: number): DkimCheck | undefined {
  return checks.all.find(
    (check) => checks.platformDomains.has(check.domain) && provesHeaders(check) && check.covered.has(index),
  );
}

/** Why no verified platform signature covers a header field, as one clause. */
export function whyNotCovered(checks: DkimChecks): string {
  const platform = checks.all.filter((check) => checks.platformDomains.has(check.domain));
  if (platform.length === 0) return 'no DKIM signature of the platform is present';
  const verified = platform.filter(provesHeaders);
  if (verified.length === 0) return `the platform signature does not verify: ${platform[0]!.reason}`;
  return `the verified platform signature (d=${verified[0]!.domain}) does not cover this copy in h=`;
}
