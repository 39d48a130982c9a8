import type { ReceivedHop, ReportedMessage, Tenant } from '../model/index.ts';
import type { TenantDirectory } from '../ports.ts';
import { canonicalIp } from '../tenants/ip-in-range.ts';
import { tenantsAtIp } from './directory-lookup.ts';
import type { PlatformTrace } from './platform-trace.ts';
import { sentence } from './sentence.ts';
import type { WeighedSignal } from './weighed-signal.ts';

/**
 * Distinct Received client IPs looked up per message: each is a directory query, and a forger can write
 * hundreds of Received lines; real traces rarely carry more than a handful of client addresses.
 */
const MAX_HOP_IPS = 10;

/** Where a candidate source IP was read: the reporter's Source-IP, one the parser derived, or a Received hop. */
type Candidate =
  | { readonly ip: string; readonly origin: 'reported' | 'derived' }
  | { readonly ip: string; readonly origin: 'hop'; readonly hop: ReceivedHop };

/**
 * Records every candidate source IP that is a tenant's dedicated IP (DESIGN §3, rule 2) and that the platform-hop
 * signals have not weighed already, so an analyst who configured `dedicatedIps` sees how each match counted.
 * IPs that are no tenant's are left out: they say nothing, and every hop would otherwise add a line.
 *
 * The weights, by the rules of evidence:
 * - The reporter's own Source-IP (RFC 5965 §3.2: the host that delivered the message to the reporter) is the
 *   recipient side's testimony, the same kind of evidence that confirms a trace. But when it is not a platform
 *   relay address nothing shows the mail passed the platform (rule 2 counts a dedicated IP only as the client
 *   of the platform's own hop), and a stranger can write any Source-IP into an ARF of their own. So it
 *   `supports` the tenant (weak, never restrict-capable); reporter trust is weighed again in scoring (§4).
 *   A dedicated egress address that should count as strong belongs in the platform's `relayIps`, where a
 *   Source-IP confirms the trace and the platform-hop signal names its tenant.
 * - A Source-IP the parser derived from the Received lines is no statement by the reporter (RFC 5965 §3.3), and
 *   a client IP written in a Received line below the recipient's own top hop is anyone's writing ("anyone can
 *   write a Received line", §3): both are `untrusted`.
 */
export async function dedicatedIpSignals(
  message: ReportedMessage,
  trace: PlatformTrace,
  weighed: readonly WeighedSignal[],
  directory: TenantDirectory,
): Promise<WeighedSignal[]> {
  const already = new Set(
    weighed.filter((w) => w.signal.kind === 'platform-hop').map((w) => canonicalIp(w.signal.value)),
  );
  const candidates = candidateIps(message).filter((candidate) => !already.has(candidate.ip));
  const owners = await Promise.all(candidates.map((candidate) => tenantsAtIp(directory, candidate.ip)));
  return candidates.flatMap((candidate, i) => {
    const tenants = owners[i] ?? [];
    return tenants.length === 0 ? [] : [weigh(candidate, tenants, message, trace)];
  });
}

/** Reported Source-IP first, then a derived one, then hop clients top-down; each IP once, under its most telling origin. */
function candidateIps(message: ReportedMessage): Candidate[] {
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  const derived = message.feedback.derived.includes('source-ip');
  const source = canonicalIp(message.feedback.sourceIp ?? '');
  if (source !== undefined) {
    candidates.push({ ip: source, origin: derived ? 'derived' : 'reported' });
    seen.add(source);
  }
  const hops = [...message.received].sort((a, b) => a.index - b.index);
  let hopIps = 0;
  for (const hop of hops) {
    const ip = canonicalIp(hop.clientIp ?? '');
    if (ip === undefined || seen.has(ip)) continue;
    if (++hopIps > MAX_HOP_IPS) break;
    seen.add(ip);
    candidates.push({ ip, origin: 'hop', hop });
  }
  return candidates;
}

function weigh(
  candidate: Candidate,
  tenants: readonly Tenant[],
  message: ReportedMessage,
  trace: PlatformTrace,
): WeighedSignal {
  const { ip } = candidate;
  const where =
    candidate.origin === 'hop'
      ? `Received hop ${candidate.hop.index}${candidate.hop.by ? ` (by ${candidate.hop.by})` : ''} records client ${ip}, which`
      : `The ${candidate.origin === 'reported' ? "reporter's" : 'derived'} Source-IP ${ip}`;
  const [tenant] = tenants;
  if (tenants.length > 1 || tenant === undefined) {
    const detail = sentence(
      `${where} is claimed as a dedicated IP by ${tenants.length} tenants, so it names none`,
    );
    return { signal: { kind: 'platform-hop', value: ip, verdict: 'no-match', detail } };
  }
  const owned = `${where} is a dedicated IP of tenant ${tenant.tenantId}`;
  if (candidate.origin === 'reported') {
    return {
      signal: {
        kind: 'platform-hop',
        value: ip,
        verdict: 'supports',
        tenantId: tenant.tenantId,
        detail: sentence(
          `${owned}, but no platform relay hop confirms the trace (${trace.reason}), so it only supports the attribution`,
        ),
      },
      strength: 'weak',
    };
  }
  const why =
    candidate.origin === 'hop'
      ? whyHopUntrusted(candidate.hop, message, trace)
      : 'the parser took it from a Received line, not from the reporter, and anyone can write one';
  return {
    signal: {
      kind: 'platform-hop',
      value: ip,
      verdict: 'untrusted',
      detail: sentence(`${owned}, but ${why}`),
    },
  };
}

/** Why a Received hop's client IP is not evidence, by where the hop sits in the trace. */
function whyHopUntrusted(hop: ReceivedHop, message: ReportedMessage, trace: PlatformTrace): string {
  const top = trace.boundary;
  if (top !== undefined && hop.index < top.index) {
    return "the hop lies inside the recipient's network, above the edge that received the mail";
  }
  if (top !== undefined && hop.index === top.index) {
    const reported = message.feedback.derived.includes('source-ip') ? undefined : message.feedback.sourceIp;
    return reported !== undefined
      ? `the reporter's Source-IP ${reported} names a different delivering host`
      : 'it is not a platform relay address, so no platform hop confirms the trace';
  }
  const chain = trace.confirmed ? trace.outbound : undefined;
  if (chain !== undefined && trace.submission !== undefined && hop.index < trace.submission.index) {
    return "the hop is a relay-to-relay hop inside the platform, where only the submission client's address names the tenant";
  }
  if (trace.confirmed) {
    return 'the hop sits below the hops the recipient and the platform vouch for, where the sender can write anything';
  }
  return "the hop sits below the recipient's own top hop, where anyone can write a Received line, and no confirmed platform hop vouches for it";
}
