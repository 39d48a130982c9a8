import type { AttributionEvidence, ReportedMessage } from '../model/index.ts';
import type { PlatformConfig } from '../platform/platform-config.ts';
import { canonicalIp } from '../tenants/ip-in-range.ts';
import type { DkimChecks } from './dkim-checks.ts';
import { domainOf } from './domain-signals.ts';
import { judgePlatformStamp } from './platform-stamp.ts';
import type { PlatformTrace } from './platform-trace.ts';

/** Connector headers looked for when the configuration names none (Exchange Online's, and a generic one). */
const DEFAULT_CONNECTOR_HEADERS = ['X-MS-Exchange-Organization-AuthSource', 'X-Submission-Connector'];

/**
 * Facts analysts search by whatever the outcome: sender address (compromised accounts), source IP (the client
 * of the platform's submission hop when the trace is confirmed, else the report's Source-IP) and connector
 * (a connector header the platform vouches for, else the confirmed submission hop's `with`/`by`).
 */
export function collectEvidence(
  message: ReportedMessage,
  trace: PlatformTrace,
  checks: DkimChecks,
  platform: PlatformConfig,
): AttributionEvidence {
  const senderAddress = message.from?.address || undefined;
  const envelopeDomain = message.returnPath?.domain || domainOf(message.feedback.originalMailFrom);
  const submissionIp = trace.confirmed ? trace.submission?.clientIp : undefined;
  const sourceIp = canonicalIp(submissionIp ?? message.feedback.sourceIp ?? '');
  const connector = connectorOf(message, trace, checks, platform);
  const dkimDomains = [...new Set(message.dkimSignatures.flatMap((sig) => (sig.d ? [sig.d] : [])))];
  return {
    ...(senderAddress ? { senderAddress, senderDomain: domainOf(senderAddress) } : {}),
    ...(envelopeDomain ? { envelopeDomain } : {}),
    ...(message.from?.domain ? { fromDomain: message.from.domain } : {}),
    dkimDomains,
    ...(sourceIp ? { sourceIp } : {}),
    ...(connector ? { connector } : {}),
  };
}

function connectorOf(
  message: ReportedMessage,
  trace: PlatformTrace,
  checks: DkimChecks,
  platform: PlatformConfig,
): string | undefined {
  const names = (platform.connectorHeaders ?? DEFAULT_CONNECTOR_HEADERS).map((name) => name.toLowerCase());
  // A connector header a sender could have written would point analysts at the wrong connector.
  const index = message.headers.findIndex(
    (candidate, i) =>
      names.includes(candidate.name.toLowerCase()) && judgePlatformStamp(i, checks, trace).trusted,
  );
  const field = message.headers[index];
  if (field !== undefined) return `${field.name}: ${field.value}`;
  const hop = trace.confirmed ? trace.submission : undefined;
  if (hop === undefined) return undefined;
  return (
    [hop.with ? `with ${hop.with}` : undefined, hop.by ? `by ${hop.by}` : undefined]
      .filter(Boolean)
      .join(' ') || undefined
  );
}
