/**
 * Reads the Received trace (RFC 5321 §4.4) for the platform's own hops. Anyone can write a Received line, so
 * a hop naming a platform relay is trusted only when the recipient's side confirms it came from a relay.
 */
import type { ReceivedHop, ReportedMessage } from '../model/index.ts';
import type { PlatformConfig } from '../platform/platform-config.ts';
import { isRelayHost } from '../platform/relay-host.ts';
import { ipInRange, parseIp } from '../tenants/ip-in-range.ts';

/** Address ranges that only ever appear inside one organisation, so they never mark its edge. */
const INTERNAL_RANGES = new Set([
  'private',
  'loopback',
  'linkLocal',
  'uniqueLocal',
  'carrierGradeNat',
  'unspecified',
]);

/** What the trace shows about the platform. */
export interface PlatformTrace {
  /** The topmost hop with a public client IP: the recipient's side receiving from the internet. */
  readonly boundary?: ReceivedHop;
  /** The topmost hop whose `by` is a platform relay (the outbound relay), when one is claimed. */
  readonly outbound?: ReceivedHop;
  /** Header index of the outbound hop's Received field; platform-stamped fields sit below it. */
  readonly outboundHeaderIndex?: number;
  /** The lowest hop of the relay chain, following relay-to-relay hops down: its client handed the mail in. */
  readonly submission?: ReceivedHop;
  /** Whether the recipient's side (boundary hop or ARF Source-IP) shows a relay address. */
  readonly confirmed: boolean;
  /** The relay address the recipient saw, when confirmed or when no relay hop is present at all. */
  readonly relayIpSeen?: string;
  /** One sentence: why the trace is or is not trusted. */
  readonly reason: string;
}

/** Whether `ip` is one of the platform's relay addresses. */
export function isRelayIp(platform: PlatformConfig, ip: string | undefined): boolean {
  return ip !== undefined && platform.relayIps.some((range) => ipInRange(ip, range));
}

/** Analyses the trace of `message` against the platform's relay hosts and addresses. */
export function readPlatformTrace(message: ReportedMessage, platform: PlatformConfig): PlatformTrace {
  const hops = [...message.received].sort((a, b) => a.index - b.index);
  const boundary = hops.find((hop) => isPublic(hop.clientIp));
  // A Source-IP the parser derived from the Received lines is no statement by the reporter (RFC 5965 §3.3).
  const sourceIp = message.feedback.derived.includes('source-ip') ? undefined : message.feedback.sourceIp;
  const outboundAt = hops.findIndex((hop) => isRelayHost(platform.relayHosts, hop.by));
  const outbound = hops[outboundAt];
  const confirmation = confirm(platform, boundary, outbound, sourceIp, message.confidence === 'low');
  if (outbound === undefined) {
    return { ...(boundary ? { boundary } : {}), ...confirmation, reason: confirmation.reason };
  }
  let submission = outbound;
  for (let i = outboundAt + 1; i < hops.length; i++) {
    const below = hops[i]!;
    // Follow the chain down only while each hop was handed over by another relay of ours.
    if (!isRelayIp(platform, submission.clientIp) || !isRelayHost(platform.relayHosts, below.by)) break;
    submission = below;
  }
  return {
    ...(boundary ? { boundary } : {}),
    outbound,
    outboundHeaderIndex: receivedHeaderIndex(message, outbound.index),
    submission,
    ...confirmation,
  };
}

function confirm(
  platform: PlatformConfig,
  boundary: ReceivedHop | undefined,
  outbound: ReceivedHop | undefined,
  sourceIp: string | undefined,
  lowConfidence: boolean,
): { confirmed: boolean; relayIpSeen?: string; reason: string } {
  if (lowConfidence) {
    return {
      confirmed: false,
      reason: 'the headers were recovered from a quote the forwarder could have edited',
    };
  }
  if (sourceIp !== undefined && isPublic(sourceIp)) {
    if (isRelayIp(platform, sourceIp)) {
      return {
        confirmed: true,
        relayIpSeen: sourceIp,
        reason: `the report's Source-IP ${sourceIp} is a platform relay`,
      };
    }
    return { confirmed: false, reason: `the report's Source-IP ${sourceIp} is not a platform relay address` };
  }
  if (boundary === undefined) {
    return {
      confirmed: false,
      reason: 'no hop above shows which address delivered the message to the recipient',
    };
  }
  const seen = `${boundary.by ?? 'the recipient'} received it from ${boundary.clientIp}`;
  if (!isRelayIp(platform, boundary.clientIp)) {
    return { confirmed: false, reason: `${seen}, which is not a platform relay address` };
  }
  if (outbound !== undefined && boundary.index !== outbound.index - 1) {
    return { confirmed: false, reason: `${seen}, but that hop is not directly above the platform's hop` };
  }
  return { confirmed: true, relayIpSeen: boundary.clientIp!, reason: `${seen}, a platform relay address` };
}

/** Header index of the `hopIndex`-th Received field, counting from the top. */
function receivedHeaderIndex(message: ReportedMessage, hopIndex: number): number | undefined {
  let seen = -1;
  for (const [i, field] of message.headers.entries()) {
    if (field.name.toLowerCase() === 'received' && ++seen === hopIndex) return i;
  }
  return undefined;
}

function isPublic(ip: string | undefined): ip is string {
  const address = ip === undefined ? undefined : parseIp(ip);
  return address !== undefined && !INTERNAL_RANGES.has(address.range());
}
