import type { PlatformConfig } from '../platform/platform-config.ts';
import type { TenantDirectory } from '../ports.ts';
import { tenantsAtIp } from './directory-lookup.ts';
import { isRelayIp, type PlatformTrace } from './platform-trace.ts';
import { sentence } from './sentence.ts';
import type { WeighedSignal } from './weighed-signal.ts';

/**
 * The platform-hop signal (DESIGN §3, rule 2): the client IP of a confirmed platform hop, or the relay address
 * the recipient saw, matched to a tenant's dedicated IPs. Shared relay addresses name no tenant.
 */
export async function platformHopSignals(
  trace: PlatformTrace,
  platform: PlatformConfig,
  directory: TenantDirectory,
): Promise<WeighedSignal[]> {
  if (trace.outbound === undefined) {
    if (trace.relayIpSeen === undefined) return [];
    return [await matchIp(trace.relayIpSeen, 'the relay address the recipient saw', platform, directory)];
  }
  const hop = `by ${trace.outbound.by}`;
  if (!trace.confirmed) {
    const client = trace.submission?.clientIp;
    // Name the tenant a forged hop points at, so an analyst sees why a configured dedicated IP did not count.
    const owners = client === undefined ? [] : await tenantsAtIp(directory, client);
    const owner =
      owners.length === 1 ? ` took it from ${client}, a dedicated IP of tenant ${owners[0]?.tenantId},` : ',';
    return [
      {
        signal: {
          kind: 'platform-hop',
          value: client ?? hop,
          verdict: 'untrusted',
          detail: sentence(`A Received hop claims the platform relay (${hop})${owner} but ${trace.reason}`),
        },
      },
    ];
  }
  const signals: WeighedSignal[] = [];
  const client = trace.submission?.clientIp;
  if (client === undefined) {
    signals.push({
      signal: {
        kind: 'platform-hop',
        value: hop,
        verdict: 'no-match',
        detail: sentence(`The confirmed platform hop (${hop}) records no client IP`),
      },
    });
  } else {
    signals.push(await matchIp(client, `the client the platform hop ${hop} recorded`, platform, directory));
  }
  if (trace.relayIpSeen !== undefined && trace.relayIpSeen !== client) {
    const seen = await matchIp(trace.relayIpSeen, 'the relay address the recipient saw', platform, directory);
    // A shared outbound relay is the normal case and says nothing new; a dedicated one names its tenant.
    if (seen.strength !== undefined) signals.push(seen);
  }
  return signals;
}

async function matchIp(
  ip: string,
  role: string,
  platform: PlatformConfig,
  directory: TenantDirectory,
): Promise<WeighedSignal> {
  const tenants = await tenantsAtIp(directory, ip);
  const [tenant] = tenants;
  if (tenants.length === 1 && tenant !== undefined) {
    return {
      signal: {
        kind: 'platform-hop',
        value: ip,
        verdict: 'proof',
        tenantId: tenant.tenantId,
        detail: sentence(`${ip}, ${role}, is a dedicated IP of tenant ${tenant.tenantId} (confirmed trace)`),
      },
      strength: 'strong',
    };
  }
  const why =
    tenants.length > 1
      ? `is claimed by ${tenants.length} tenants, so it names none`
      : isRelayIp(platform, ip)
        ? 'is a shared relay address, which names no tenant'
        : 'is not a dedicated IP of any tenant';
  return {
    signal: {
      kind: 'platform-hop',
      value: ip,
      verdict: 'no-match',
      detail: sentence(`${ip}, ${role}, ${why}`),
    },
  };
}
