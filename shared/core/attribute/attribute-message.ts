import type { Attribution, ReportedMessage } from '../model/index.ts';
import type { PlatformConfig } from '../platform/platform-config.ts';
import type { TenantDirectory } from '../ports.ts';
import { decideAttribution } from './decide-attribution.ts';
import { dedicatedIpSignals } from './dedicated-ip-signals.ts';
import { checkDkimSignatures, type ExternalKeyResolver } from './dkim-checks.ts';
import { dkimDomainSignals, domainOf, senderDomainSignals } from './domain-signals.ts';
import { collectEvidence } from './evidence.ts';
import { feedbackIdSignals } from './feedback-id-signal.ts';
import { platformHopSignals } from './platform-hop-signal.ts';
import { readPlatformTrace } from './platform-trace.ts';
import { tenantHeaderSignals } from './tenant-header-signal.ts';

/** What attribution needs besides the message. */
export interface AttributionContext {
  readonly directory: TenantDirectory;
  readonly platform: PlatformConfig;
  /** Keys for DKIM domains other than the platform's (DNS at the edge); without it they stay unverified. */
  readonly resolveKey?: ExternalKeyResolver;
}

/**
 * Names the tenant behind a reported message, or says why it cannot (DESIGN §3). Every signal found is
 * returned with its verdict. Rejects only when the directory does (a transient store failure).
 */
export async function attributeMessage(
  message: ReportedMessage,
  context: AttributionContext,
): Promise<Attribution> {
  const { directory, platform } = context;
  const checks = await checkDkimSignatures(message, platform, context.resolveKey);
  const trace = readPlatformTrace(message, platform);
  const hopSignals = await platformHopSignals(trace, platform, directory);
  const signals = [
    ...(await tenantHeaderSignals(message, platform.tenantHeader, checks, trace, directory)),
    ...hopSignals,
    ...(await dedicatedIpSignals(message, trace, hopSignals, directory)),
    ...(await feedbackIdSignals(message, checks, directory)),
    ...(await dkimDomainSignals(checks, directory)),
    ...(await senderDomainSignals(message, directory)),
  ];
  const sendingDomains = [
    message.from?.domain,
    message.returnPath?.domain,
    domainOf(message.feedback.originalMailFrom),
  ].filter(
    (domain): domain is string =>
      domain !== undefined && domain !== '' && !isPlatformDomain(platform, domain),
  );
  return decideAttribution({
    signals,
    evidence: collectEvidence(message, trace, checks, platform),
    sendingDomains: [...new Set(sendingDomains)],
    hasHeaders: message.headers.length > 0,
    getTenant: (tenantId) => directory.getTenant(tenantId),
  });
}

/** The platform's own domains (signing domains and below, e.g. a VERP bounce domain) are no tenant's to register. */
function isPlatformDomain(platform: PlatformConfig, domain: string): boolean {
  return platform.signingKeys.some((key) => domain === key.domain || domain.endsWith(`.${key.domain}`));
}
