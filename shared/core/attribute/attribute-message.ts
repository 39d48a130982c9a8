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
  /** When the report reached us (ISO 8601): the latest the message can have arrived, for DKIM x= checks. */
  readonly receivedAt?: string;
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
  const checks = await checkDkimSignatures(
    message,
    platform,
    context.resolveKey,
    arrivalSeconds(message, context.receivedAt),
  );
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

/**
 * When the message reached its recipient, in seconds: the stated or derived Arrival-Date, never later than the
 * report's own arrival (a message cannot be reported before it arrived); undefined when neither is known.
 */
function arrivalSeconds(message: ReportedMessage, receivedAt: string | undefined): number | undefined {
  const times = [message.feedback.arrivalDate, receivedAt]
    .map((time) => (time === undefined ? Number.NaN : Date.parse(time)))
    .filter((ms) => Number.isFinite(ms));
  return times.length === 0 ? undefined : Math.floor(Math.min(...times) / 1000);
}
